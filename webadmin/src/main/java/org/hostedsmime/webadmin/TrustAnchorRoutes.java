package org.hostedsmime.webadmin;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.hosting.DomainTrustService;
import org.hostedsmime.webadmin.dto.TrustAnchorDto;

import spark.Service;

/**
 * A domain's trust anchors (the organisation's root or issuing CA certificates).
 * <ul>
 *     <li>{@code POST /smime/domains/{domain}/trust-anchors} body: a certificate in PEM or DER, or a PEM bundle
 *     → 201 {@code [{fingerprint, subject, notAfter}]}</li>
 *     <li>{@code GET /smime/domains/{domain}/trust-anchors} → the same list for every anchor</li>
 *     <li>{@code DELETE /smime/domains/{domain}/trust-anchors/{fingerprint}} → 204</li>
 * </ul>
 */
public class TrustAnchorRoutes implements Routes {
    public static final String BASE_PATH = SmimeDomainRoutes.DOMAIN_PATH + "/trust-anchors";
    private static final String ANCHOR_PATH = BASE_PATH + "/:fingerprint";

    private final DomainTrustService domains;
    private final JsonTransformer jsonTransformer;

    @Inject
    public TrustAnchorRoutes(DomainTrustService domains, JsonTransformer jsonTransformer) {
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
            var added = domains.addTrustAnchors(PathParameters.domain(request), RequestBodies.bytes(request));
            response.status(HttpStatus.CREATED_201);
            return added.stream().map(TrustAnchorDto::of).toList();
        }, jsonTransformer);

        service.get(BASE_PATH, (request, response) -> domains.trustAnchors(PathParameters.domain(request)).stream()
            .map(TrustAnchorDto::of).toList(), jsonTransformer);

        service.delete(ANCHOR_PATH, (request, response) -> {
            domains.removeTrustAnchor(PathParameters.domain(request), PathParameters.fingerprint(request));
            response.status(HttpStatus.NO_CONTENT_204);
            return "";
        });
    }
}
