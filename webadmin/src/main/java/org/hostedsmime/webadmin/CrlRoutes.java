package org.hostedsmime.webadmin;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.hosting.DomainTrustService;
import org.hostedsmime.webadmin.dto.CrlDto;

import spark.Service;

/**
 * A domain's certificate revocation lists.
 * <ul>
 *     <li>{@code POST /smime/domains/{domain}/crls} body: a CRL in PEM or DER → 201
 *     {@code {issuer, thisUpdate, nextUpdate, revokedCount}}; 400 {@code untrusted-crl} when no trust anchor or
 *     known intermediate CA of the domain signed it; 409 {@code stale-crl} when the installed one is newer.
 *     A CRL replaces the one from the same issuer.</li>
 *     <li>{@code GET /smime/domains/{domain}/crls} → every installed CRL</li>
 * </ul>
 */
public class CrlRoutes implements Routes {
    public static final String BASE_PATH = SmimeDomainRoutes.DOMAIN_PATH + "/crls";

    private final DomainTrustService domains;
    private final JsonTransformer jsonTransformer;

    @Inject
    public CrlRoutes(DomainTrustService domains, JsonTransformer jsonTransformer) {
        this.domains = domains;
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
            CrlDto installed = CrlDto.of(domains.addCrl(PathParameters.domain(request), RequestBodies.bytes(request)));
            response.status(HttpStatus.CREATED_201);
            return installed;
        }, jsonTransformer);

        service.get(BASE_PATH, (request, response) -> domains.crls(PathParameters.domain(request)).stream()
            .map(CrlDto::of).toList(), jsonTransformer);
    }
}
