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

    /**
     * What any of these domains trusts, plus the server-wide anchors: for certificates that belong to no
     * local domain, such as correspondents' certificates an administrator imports into the key directory.
     */
    public Mono<TrustMaterial> union(java.util.List<Domain> domains) {
        return Flux.fromIterable(domains)
            .concatMap(this::forDomain)
            .reduce(TrustMaterial.EMPTY.withExtraAnchors(serverAnchors.anchors()), TrustMaterial::merge);
    }

    public Mono<Boolean> isEnabled(Domain domain) {
        return Mono.from(store.isEnabled(domain)).defaultIfEmpty(false);
    }
}
