package org.hostedsmime.memory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.store.HostedCertificate;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class MemoryHostedCertificateStore implements HostedCertificateStore {
    private final Map<Username, Map<Fingerprint, HostedCertificate>> certificates = new ConcurrentHashMap<>();
    private final Map<Username, Fingerprint> defaults = new ConcurrentHashMap<>();

    @Override
    public Publisher<Void> save(HostedCertificate certificate) {
        return Mono.fromRunnable(() -> certificates.compute(certificate.owner(), (owner, current) -> {
            Map<Fingerprint, HostedCertificate> updated = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
            updated.put(certificate.fingerprint(), certificate);
            return updated;
        }));
    }

    @Override
    public Publisher<HostedCertificate> list(Username owner) {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(certificates.getOrDefault(owner, Map.of()).values())))
            .sort(Comparator.comparing(HostedCertificate::importedAt));
    }

    @Override
    public Publisher<HostedCertificate> retrieve(Username owner, Fingerprint fingerprint) {
        return Mono.fromCallable(() -> certificates.getOrDefault(owner, Map.of()).get(fingerprint));
    }

    @Override
    public Publisher<Void> delete(Username owner, Fingerprint fingerprint) {
        return Mono.fromRunnable(() -> {
            certificates.computeIfPresent(owner, (key, current) -> {
                Map<Fingerprint, HostedCertificate> updated = new LinkedHashMap<>(current);
                updated.remove(fingerprint);
                return updated.isEmpty() ? null : updated;
            });
            defaults.remove(owner, fingerprint);
        });
    }

    @Override
    public Publisher<Void> setDefault(Username owner, Fingerprint fingerprint) {
        return Mono.fromRunnable(() -> defaults.put(owner, fingerprint));
    }

    @Override
    public Publisher<Fingerprint> retrieveDefault(Username owner) {
        return Mono.fromCallable(() -> defaults.get(owner));
    }
}
