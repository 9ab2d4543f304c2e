package org.hostedsmime.memory;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.Domain;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.store.DomainTrustStore;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class MemoryDomainTrustStore implements DomainTrustStore {
    private final Map<Domain, Boolean> enabled = new ConcurrentHashMap<>();
    private final Map<Domain, CopyOnWriteArrayList<X509Certificate>> anchors = new ConcurrentHashMap<>();
    private final Map<Domain, CopyOnWriteArrayList<X509Certificate>> intermediates = new ConcurrentHashMap<>();
    private final Map<Domain, Map<String, X509CRL>> crlsByIssuer = new ConcurrentHashMap<>();

    @Override
    public Publisher<Boolean> isEnabled(Domain domain) {
        return Mono.fromCallable(() -> enabled.get(domain));
    }

    @Override
    public Publisher<Void> setEnabled(Domain domain, boolean value) {
        return Mono.fromRunnable(() -> enabled.put(domain, value));
    }

    @Override
    public Publisher<Void> addTrustAnchor(Domain domain, X509Certificate anchor) {
        return Mono.fromRunnable(() -> addIfAbsent(anchors, domain, anchor));
    }

    @Override
    public Publisher<X509Certificate> trustAnchors(Domain domain) {
        return Flux.defer(() -> Flux.fromIterable(anchors.getOrDefault(domain, new CopyOnWriteArrayList<>())));
    }

    @Override
    public Publisher<Void> removeTrustAnchor(Domain domain, Fingerprint fingerprint) {
        return Mono.fromRunnable(() -> anchors.getOrDefault(domain, new CopyOnWriteArrayList<>())
            .removeIf(anchor -> Fingerprint.of(anchor).equals(fingerprint)));
    }

    @Override
    public Publisher<Void> addIntermediate(Domain domain, X509Certificate intermediate) {
        return Mono.fromRunnable(() -> addIfAbsent(intermediates, domain, intermediate));
    }

    @Override
    public Publisher<X509Certificate> intermediates(Domain domain) {
        return Flux.defer(() -> Flux.fromIterable(intermediates.getOrDefault(domain, new CopyOnWriteArrayList<>())));
    }

    @Override
    public Publisher<Void> saveCrl(Domain domain, X509CRL crl) {
        return Mono.fromRunnable(() -> crlsByIssuer.computeIfAbsent(domain, key -> new ConcurrentHashMap<>())
            .put(crl.getIssuerX500Principal().getName(), crl));
    }

    @Override
    public Publisher<X509CRL> crls(Domain domain) {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(crlsByIssuer.getOrDefault(domain, Map.of()).values())));
    }

    private static void addIfAbsent(Map<Domain, CopyOnWriteArrayList<X509Certificate>> certificates, Domain domain, X509Certificate certificate) {
        certificates.computeIfAbsent(domain, key -> new CopyOnWriteArrayList<>()).addIfAbsent(certificate);
    }
}
