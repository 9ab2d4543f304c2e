package org.hostedsmime.memory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hostedsmime.core.certificate.CertificateAddresses;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.directory.DirectoryEntry;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class MemoryKeyDirectoryStore implements KeyDirectoryStore {
    private final Map<String, Map<Fingerprint, DirectoryEntry>> entries = new ConcurrentHashMap<>();

    @Override
    public Publisher<Void> save(DirectoryEntry entry) {
        return Mono.fromRunnable(() -> entries.compute(entry.address(), (address, current) -> {
            Map<Fingerprint, DirectoryEntry> updated = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
            updated.merge(entry.fingerprint(), entry, (existing, latest) -> existing.seenAgain(latest.lastSeen(), latest.capabilities()));
            return updated;
        }));
    }

    @Override
    public Publisher<DirectoryEntry> entries(String address) {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(entries.getOrDefault(CertificateAddresses.normalize(address), Map.of()).values())))
            .sort(Comparator.comparing(DirectoryEntry::firstSeen));
    }

    @Override
    public Publisher<Void> delete(String address, Fingerprint fingerprint) {
        return Mono.fromRunnable(() -> entries.computeIfPresent(CertificateAddresses.normalize(address), (key, current) -> {
            Map<Fingerprint, DirectoryEntry> updated = new LinkedHashMap<>(current);
            updated.remove(fingerprint);
            return updated.isEmpty() ? null : updated;
        }));
    }
}
