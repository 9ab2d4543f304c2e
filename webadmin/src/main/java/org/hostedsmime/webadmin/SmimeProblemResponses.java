package org.hostedsmime.webadmin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Turns a refused request into James's error body {@code {statusCode, type, message, details}}, with our
 * stable types, the status that says what went wrong (400 bad input, 404 unknown resource, 409 conflict
 * with the current state, 503 store down), and the message in the request's language
 * ({@code Accept-Language: zh-CN} gives the product's Chinese wording).
 */
public final class SmimeProblemResponses {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeProblemResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static final Set<ProblemType> NOT_FOUND = Set.of(ProblemType.USER_NOT_FOUND, ProblemType.DOMAIN_NOT_FOUND,
        ProblemType.CERTIFICATE_NOT_FOUND, ProblemType.TRUST_ANCHOR_NOT_FOUND, ProblemType.NO_DIRECTORY_CERTIFICATE,
        ProblemType.PREVIOUS_CERTIFICATE_NOT_FOUND);
    private static final Set<ProblemType> CONFLICT = Set.of(ProblemType.DUPLICATE, ProblemType.LIMIT_REACHED,
        ProblemType.SMIME_DISABLED, ProblemType.NO_CERTIFICATE, ProblemType.STALE_CRL, ProblemType.CERTIFICATE_NOT_USABLE,
        ProblemType.HOSTED_CERTIFICATE, ProblemType.NO_PREVIOUS_CERTIFICATE);

    public static int statusOf(ProblemType type) {
        if (NOT_FOUND.contains(type)) {
            return HttpStatus.NOT_FOUND_404;
        }
        if (CONFLICT.contains(type)) {
            return HttpStatus.CONFLICT_409;
        }
        if (type == ProblemType.STORE_UNAVAILABLE) {
            return HttpStatus.SERVICE_UNAVAILABLE_503;
        }
        if (type == ProblemType.TLS_APPLY_FAILED) {
            return HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        return HttpStatus.BAD_REQUEST_400;
    }

    /** Registers the handler on the WebAdmin service; every route class calls it, registering twice is harmless. */
    public static void register(Service service) {
        service.exception(SmimeException.class, SmimeProblemResponses::respond);
    }

    private static void respond(SmimeException problem, Request request, Response response) {
        respond(problem, messages -> messages.describe(problem), request, response);
    }

    /** The error body of {@code problem}, its message worded by {@code message} in the request's language. */
    static void respond(SmimeException problem, Function<SmimeMessages, String> message, Request request, Response response) {
        int status = statusOf(problem.type());
        LOGGER.info("{} {} refused: {} ({})", request.requestMethod(), request.pathInfo(), problem.type().type(), problem.getMessage());
        SmimeMessages messages = SmimeMessages.forAcceptLanguage(request.headers("Accept-Language"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("type", problem.type().type());
        body.put("message", message.apply(messages));
        body.put("details", problem.details());
        response.status(status);
        response.type("application/json");
        response.body(render(body));
    }

    private static String render(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SmimeProblemResponses() {
    }
}
