package org.hostedsmime.webadmin;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.tls.ServerCertificateService;
import org.hostedsmime.webadmin.dto.CrlDto;

import spark.Service;

/**
 * Certificate revocation lists the server certificate checks use ({@code revoked}).
 * <ul>
 *     <li>{@code POST /tls/crls} body: a CRL in PEM or DER → 201 {@code {issuer, thisUpdate, nextUpdate, revokedCount}};
 *     it replaces the one from the same issuer; 409 {@code stale-crl} when the installed one is newer. Its signature
 *     is verified when a certificate is checked against it, by the issuer in that certificate's chain.</li>
 *     <li>{@code GET /tls/crls} → every installed CRL</li>
 * </ul>
 */
public class TlsCrlRoutes implements Routes {
    public static final String BASE_PATH = TlsCertificateRoutes.BASE_PATH + "/crls";

    private final ServerCertificateService certificates;
    private final JsonTransformer jsonTransformer;

    @Inject
    public TlsCrlRoutes(ServerCertificateService certificates, JsonTransformer jsonTransformer) {
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

        service.post(BASE_PATH, (request, response) -> {
            CrlDto installed = CrlDto.of(certificates.addCrl(RequestBodies.bytes(request)));
            response.status(HttpStatus.CREATED_201);
            return installed;
        }, jsonTransformer);

        service.get(BASE_PATH, (request, response) -> certificates.crls().stream().map(CrlDto::of).toList(), jsonTransformer);
    }
}
