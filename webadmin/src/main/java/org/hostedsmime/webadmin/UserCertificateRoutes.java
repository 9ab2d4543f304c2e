package org.hostedsmime.webadmin;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.hosting.HostedCertificateView;
import org.hostedsmime.webadmin.dto.CertificateDto;
import org.hostedsmime.webadmin.dto.Pkcs12ImportRequest;

import spark.Request;
import spark.Service;

/**
 * A user's hosted S/MIME certificates.
 * <ul>
 *     <li>{@code POST /smime/users/{user}/certificates} with JSON {@code {"pkcs12": "<base64>", "password": "..."}}
 *     or {@code multipart/form-data} ({@code file}, {@code password}) → 201 with the certificate</li>
 *     <li>{@code GET /smime/users/{user}/certificates} → every hosted certificate</li>
 *     <li>{@code GET /smime/users/{user}/certificates/{fingerprint}} → one</li>
 *     <li>{@code DELETE /smime/users/{user}/certificates/{fingerprint}} → 204, the private key is deleted too</li>
 *     <li>{@code PUT /smime/users/{user}/certificates/{fingerprint}/default} → 204</li>
 * </ul>
 * Import failures are 4xx with the types of {@link org.hostedsmime.core.problem.ProblemType}.
 */
public class UserCertificateRoutes implements Routes {
    public static final String BASE_PATH = "/smime/users/:user/certificates";
    private static final String CERTIFICATE_PATH = BASE_PATH + "/:fingerprint";
    private static final String DEFAULT_PATH = CERTIFICATE_PATH + "/default";

    private final HostedCertificateService certificates;
    private final JsonTransformer jsonTransformer;

    @Inject
    public UserCertificateRoutes(HostedCertificateService certificates, JsonTransformer jsonTransformer) {
        this.certificates = certificates;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        SmimeProblemResponses.register(service);

        service.post(BASE_PATH, (request, response) -> {
            Username user = PathParameters.user(request);
            HostedCertificateView imported = importFrom(request, user);
            response.status(HttpStatus.CREATED_201);
            return CertificateDto.of(imported);
        }, jsonTransformer);

        service.get(BASE_PATH, (request, response) -> certificates.list(PathParameters.user(request)).stream()
            .map(CertificateDto::of).toList(), jsonTransformer);

        service.get(CERTIFICATE_PATH, (request, response) ->
            CertificateDto.of(certificates.get(PathParameters.user(request), PathParameters.fingerprint(request))), jsonTransformer);

        service.delete(CERTIFICATE_PATH, (request, response) -> {
            certificates.delete(PathParameters.user(request), PathParameters.fingerprint(request));
            response.status(HttpStatus.NO_CONTENT_204);
            return "";
        });

        service.put(DEFAULT_PATH, (request, response) -> {
            certificates.makeDefault(PathParameters.user(request), PathParameters.fingerprint(request));
            response.status(HttpStatus.NO_CONTENT_204);
            return "";
        });
    }

    private HostedCertificateView importFrom(Request request, Username user) {
        byte[] pkcs12;
        char[] password;
        if (RequestBodies.isMultipart(request)) {
            Map<String, byte[]> parts = RequestBodies.multipart(request, "file", "password");
            if (!parts.containsKey("file")) {
                throw RequestBodies.invalid("The multipart body needs a 'file' part holding the .p12/.pfx file");
            }
            pkcs12 = parts.get("file");
            password = RequestBodies.text(parts.getOrDefault("password", new byte[0])).toCharArray();
        } else {
            Pkcs12ImportRequest body = RequestBodies.json(request, Pkcs12ImportRequest.class);
            if (body.pkcs12() == null) {
                throw RequestBodies.invalid("'pkcs12' (base64 of the .p12/.pfx file) is required");
            }
            try {
                pkcs12 = Base64.getMimeDecoder().decode(body.pkcs12());
            } catch (IllegalArgumentException e) {
                throw RequestBodies.invalid("'pkcs12' is not base64");
            }
            password = body.password() == null ? new char[0] : body.password().toCharArray();
        }
        try {
            return certificates.importPkcs12(user, pkcs12, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
