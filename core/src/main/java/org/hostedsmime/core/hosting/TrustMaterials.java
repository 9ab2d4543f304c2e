package org.hostedsmime.core.hosting;

import org.apache.james.core.Domain;
import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.trust.TrustMaterial;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assembles what a domain trusts: its own anchors, intermediates and CRLs, plus the server-wide anchors. */
public class TrustMaterials {
    private final DomainTrustStore store;
    private final ServerTrustAnchors serverAnchors;

    public TrustMaterials(DomainTrustStore store, ServerTrustAnchors serverAnchors) {
        this.store = store;
        this.serverAnchors = serverAnchors;
    }

    public Mono<TrustMaterial> forDomain(Domain domain) {
        return Mono.zip(
                Flux.from(store.trustAnchors(domain)).collectList(),
                Flux.from(store.intermediates(domain)).collectList(),
                Flux.from(store.crls(domain)).collectList())
            .map(parts -> new TrustMaterial(parts.getT1(), parts.getT2(), parts.getT3())
                .withExtraAnchors(serverAnchors.anchors()));
    }

    public Mono<Boolean> isEnabled(Domain domain) {
        return Mono.from(store.isEnabled(domain)).defaultIfEmpty(false);
    }
}
