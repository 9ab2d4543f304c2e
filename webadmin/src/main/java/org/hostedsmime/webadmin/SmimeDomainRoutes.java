package org.hostedsmime.webadmin;

import javax.inject.Inject;

import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.hosting.DomainTrustService;
import org.hostedsmime.webadmin.dto.DomainSmimeDto;
import org.hostedsmime.webadmin.dto.EnabledRequest;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Service;

/**
 * S/MIME administration of a domain.
 * <ul>
 *     <li>{@code GET /smime/domains/{domain}} → {@code {domain, enabled, trustAnchors, crls}}</li>
 *     <li>{@code PUT /smime/domains/{domain}} body {@code {"enabled": true|false}} → 204</li>
 * </ul>
 * 404 {@code domain-not-found} for a domain James does not serve.
 */
public class SmimeDomainRoutes implements Routes {
    public static final String BASE_PATH = "/smime/domains";
    static final String DOMAIN_PATH = BASE_PATH + "/:domain";

    private final DomainTrustService domains;
    private final JsonTransformer jsonTransformer;

    @Inject
    public SmimeDomainRoutes(DomainTrustService domains, JsonTransformer jsonTransformer) {
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

        service.get(DOMAIN_PATH, (request, response) -> DomainSmimeDto.of(domains.get(PathParameters.domain(request))), jsonTransformer);

        service.put(DOMAIN_PATH, (request, response) -> {
            EnabledRequest body = RequestBodies.json(request, EnabledRequest.class);
            if (body.enabled() == null) {
                throw RequestBodies.invalid("'enabled' (true or false) is required");
            }
            domains.setEnabled(PathParameters.domain(request), body.enabled());
            response.status(HttpStatus.NO_CONTENT_204);
            return "";
        });
    }
}
