package org.hostedsmime.webadmin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.tls.ServerCertificateService;
import org.hostedsmime.core.tls.ServerCertificateUpload;
import org.hostedsmime.core.tls.ServerCertificateView;
import org.hostedsmime.webadmin.dto.TlsCertificateDto;
import org.hostedsmime.webadmin.dto.TlsCertificateUploadRequest;
import org.hostedsmime.webadmin.dto.TlsCsrDto;
import org.hostedsmime.webadmin.dto.TlsCsrRequest;

import spark.Request;
import spark.Service;

/**
 * The server's TLS certificate, served by every SMTP, IMAP, POP3 (LMTP, ManageSieve) server of James.
 * <ul>
 *     <li>{@code GET /tls/certificate} → the certificate in use, the servers presenting it, when it was applied</li>
 *     <li>{@code PUT /tls/certificate} with JSON {@code {"certificate", "chain", "privateKey", "privateKeyPassword"}}
 *     (PEM texts; all but {@code certificate} optional) or {@code multipart/form-data} with the same fields → checked,
 *     then served by every server at once; 200 with the certificate and its {@code warnings}</li>
 *     <li>{@code POST /tls/certificate/validate} → the same checks, nothing applied</li>
 *     <li>{@code GET /tls/certificate/previous}, {@code POST /tls/certificate/rollback} → the certificate served before,
 *     and switching back to it ({@code no-previous-certificate} when there is none: 404 for the GET, 409 for the
 *     rollback)</li>
 *     <li>{@code POST /tls/csr} {@code {"commonName", "subjectAltNames", "keyType": "RSA-3072"|"EC-P256"}} → 201 with a
 *     PKCS#10 request ({@code csr}); its private key stays on the server and completes a later {@code PUT} without key</li>
 * </ul>
 * Refusals are 400 with the types of the upload document ({@code key-mismatch}, {@code incomplete-chain}...), see
 * {@link TlsProblemResponses}; a switch that fails half-way is 500 {@code tls-apply-failed}, the previous
 * certificate still served. The base path is {@code /tls}, so WebAdmin's authentication covers every route.
 */
public class TlsCertificateRoutes implements Routes {
    public static final String BASE_PATH = "/tls";
    private static final String CERTIFICATE_PATH = BASE_PATH + "/certificate";
    private static final String VALIDATE_PATH = CERTIFICATE_PATH + "/validate";
    private static final String PREVIOUS_PATH = CERTIFICATE_PATH + "/previous";
    private static final String ROLLBACK_PATH = CERTIFICATE_PATH + "/rollback";
    private static final String CSR_PATH = BASE_PATH + "/csr";
    private static final String[] UPLOAD_FIELDS = {"certificate", "chain", "privateKey", "privateKeyPassword"};

    private final ServerCertificateService certificates;
    private final JsonTransformer jsonTransformer;

    @Inject
    public TlsCertificateRoutes(ServerCertificateService certificates, JsonTransformer jsonTransformer) {
        this.certificates = certificates;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        TlsProblemResponses.register(service);

        service.get(CERTIFICATE_PATH, (request, response) -> dto(certificates.current(), request), jsonTransformer);

        service.put(CERTIFICATE_PATH, (request, response) -> withUpload(request, certificates::apply), jsonTransformer);

        service.post(VALIDATE_PATH, (request, response) -> withUpload(request, certificates::validate), jsonTransformer);

        service.get(PREVIOUS_PATH, (request, response) -> dto(certificates.previous(), request), jsonTransformer);

        service.post(ROLLBACK_PATH, (request, response) -> dto(certificates.rollback(), request), jsonTransformer);

        service.post(CSR_PATH, (request, response) -> {
            TlsCsrRequest body = RequestBodies.json(request, TlsCsrRequest.class);
            TlsCsrDto created = TlsCsrDto.of(certificates.requestCertificate(body.commonName(),
                Optional.ofNullable(body.subjectAltNames()).orElse(List.of()), Optional.ofNullable(body.keyType())));
            response.status(HttpStatus.CREATED_201);
            return created;
        }, jsonTransformer);
    }

    private static TlsCertificateDto dto(ServerCertificateView view, Request request) {
        return TlsCertificateDto.of(view, SmimeMessages.forAcceptLanguage(request.headers("Accept-Language")));
    }

    private static ServerCertificateUpload upload(Request request) {
        ServerCertificateUpload upload;
        if (RequestBodies.isMultipart(request)) {
            Map<String, byte[]> parts = RequestBodies.multipart(request, UPLOAD_FIELDS);
            upload = new ServerCertificateUpload(parts.get("certificate"), Optional.ofNullable(parts.get("chain")),
                Optional.ofNullable(parts.get("privateKey")),
                Optional.ofNullable(parts.get("privateKeyPassword")).map(password -> RequestBodies.text(password).toCharArray()));
        } else {
            TlsCertificateUploadRequest body = RequestBodies.json(request, TlsCertificateUploadRequest.class);
            upload = ServerCertificateUpload.of(body.certificate(), body.chain(), body.privateKey(), body.privateKeyPassword());
        }
        if (upload.certificate().length == 0) {
            throw RequestBodies.invalid("'certificate' (the server certificate in PEM, optionally followed by its chain) is required");
        }
        return upload;
    }

    /** The key's password is wiped once the upload has been handled. */
    private static TlsCertificateDto withUpload(Request request, Function<ServerCertificateUpload, ServerCertificateView> action) {
        ServerCertificateUpload upload = upload(request);
        try {
            return dto(action.apply(upload), request);
        } finally {
            upload.privateKeyPassword().ifPresent(password -> Arrays.fill(password, '\0'));
        }
    }
}
