package org.hostedsmime.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.MultipartConfigElement;
import javax.servlet.ServletException;
import javax.servlet.http.Part;

import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Request;

/**
 * Reads request bodies without ever echoing them: they carry passwords and private keys, so parse errors
 * say what is wrong, never what was sent (Jackson's default messages quote the input).
 */
public final class RequestBodies {
    /** Certificates, CRLs and PKCS#12 files are small; anything bigger is a mistake or an attack. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

    private static final ObjectMapper JSON = new ObjectMapper()
        .disable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static <T> T json(Request request, Class<T> type) {
        byte[] body = bytes(request);
        if (body.length == 0) {
            throw invalid("The request needs a JSON body");
        }
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw invalid("The JSON body is not valid for this request (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static byte[] bytes(Request request) {
        byte[] body = request.bodyAsBytes();
        if (body == null) {
            return new byte[0];
        }
        if (body.length > MAX_BYTES) {
            throw invalid("The request body is larger than " + MAX_BYTES + " bytes");
        }
        return body;
    }

    public static boolean isMultipart(Request request) {
        return Optional.ofNullable(request.contentType())
            .map(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))
            .orElse(false);
    }

    /**
     * The named parts of a {@code multipart/form-data} body, kept in memory (the threshold is the size limit),
     * so uploaded keys never touch a temporary file.
     */
    public static Map<String, byte[]> multipart(Request request, String... names) {
        request.raw().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement("", MAX_BYTES, MAX_BYTES, MAX_BYTES));
        java.util.LinkedHashMap<String, byte[]> parts = new java.util.LinkedHashMap<>();
        try {
            for (String name : names) {
                Part part = request.raw().getPart(name);
                if (part != null) {
                    try (InputStream in = part.getInputStream()) {
                        parts.put(name, in.readNBytes(MAX_BYTES + 1));
                    }
                }
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            throw invalid("The multipart/form-data body cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parts;
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static SmimeException invalid(String message) {
        return new SmimeException(ProblemType.INVALID_ARGUMENT, message, Map.of(), null, message);
    }

    private RequestBodies() {
    }
}
