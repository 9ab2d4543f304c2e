package org.hostedsmime.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.directory.CertificateSource;
import org.hostedsmime.core.directory.DirectoryEntry;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every {@link KeyDirectoryStore} does; each backend's test implements this interface. */
public interface KeyDirectoryStoreContract {
    TestPki PKI = TestPki.create("Directory contract");
    Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
    Instant LATER = Instant.parse("2026-11-20T10:00:00Z");

    KeyDirectoryStore store();

    static DirectoryEntry entry(String address, TestCredential credential, CertificateSource source, SmimeCapabilities capabilities, Instant seen) {
        return new DirectoryEntry(address, Fingerprint.of(credential.certificate()), credential.certificate(), credential.issuersOnly(),
            source, capabilities, seen, seen);
    }

    private List<DirectoryEntry> entries(String address) {
        return Flux.from(store().entries(address)).collectList().block();
    }

    @Test
    default void unknownAddressHasNoEntry() {
        assertThat(entries("nobody@outside.example")).isEmpty();
    }

    @Test
    default void savedEntryIsReturnedWhole() {
        DirectoryEntry entry = entry("bob@outside.example", PKI.smimeLeaf("bob@outside.example").build(), CertificateSource.COLLECTED,
            SmimeCapabilities.ofThisServer(), FIRST);

        Mono.from(store().save(entry)).block();

        assertThat(entries("bob@outside.example")).containsExactly(entry);
        assertThat(entries("bob@outside.example").get(0).issuers()).containsExactly(PKI.intermediate());
        assertThat(entries("bob@outside.example").get(0).capabilities().supportsAes256Gcm()).isTrue();
    }

    @Test
    default void addressesCompareCaseInsensitively() {
        DirectoryEntry entry = entry("Bob@Outside.Example", PKI.smimeLeaf("bob@outside.example").build(), CertificateSource.IMPORTED,
            SmimeCapabilities.NONE, FIRST);

        Mono.from(store().save(entry)).block();

        assertThat(entries("bob@outside.example")).hasSize(1);
        assertThat(entries("BOB@OUTSIDE.EXAMPLE")).hasSize(1);
    }

    @Test
    default void seeingACertificateAgainUpdatesLastSeenAndCapabilitiesOnly() {
        TestCredential bob = PKI.smimeLeaf("bob@outside.example").build();
        Mono.from(store().save(entry("bob@outside.example", bob, CertificateSource.COLLECTED, SmimeCapabilities.NONE, FIRST))).block();

        Mono.from(store().save(entry("bob@outside.example", bob, CertificateSource.IMPORTED, SmimeCapabilities.ofThisServer(), LATER))).block();

        DirectoryEntry stored = entries("bob@outside.example").get(0);
        assertThat(entries("bob@outside.example")).hasSize(1);
        assertThat(stored.firstSeen()).isEqualTo(FIRST);
        assertThat(stored.lastSeen()).isEqualTo(LATER);
        assertThat(stored.source()).isEqualTo(CertificateSource.COLLECTED);
        assertThat(stored.capabilities()).isEqualTo(SmimeCapabilities.ofThisServer());
    }

    @Test
    default void severalCertificatesPerAddressInFirstSeenOrder() {
        DirectoryEntry older = entry("bob@outside.example", PKI.smimeLeaf("bob@outside.example").build(), CertificateSource.COLLECTED,
            SmimeCapabilities.NONE, FIRST);
        DirectoryEntry newer = entry("bob@outside.example", PKI.smimeLeaf("bob@outside.example").build(), CertificateSource.COLLECTED,
            SmimeCapabilities.NONE, LATER);

        Mono.from(store().save(newer)).block();
        Mono.from(store().save(older)).block();

        assertThat(entries("bob@outside.example")).containsExactly(older, newer);
        assertThat(entries("carol@outside.example")).isEmpty();
    }

    @Test
    default void deleteRemovesOneCertificateOfAnAddress() {
        DirectoryEntry kept = entry("bob@outside.example", PKI.smimeLeaf("bob@outside.example").build(), CertificateSource.COLLECTED,
            SmimeCapabilities.NONE, FIRST);
        DirectoryEntry deleted = entry("bob@outside.example", PKI.smimeLeaf("bob@outside.example").build(), CertificateSource.COLLECTED,
            SmimeCapabilities.NONE, LATER);
        Mono.from(store().save(kept)).block();
        Mono.from(store().save(deleted)).block();

        Mono.from(store().delete("BOB@outside.example", deleted.fingerprint())).block();

        assertThat(entries("bob@outside.example")).containsExactly(kept);
    }
}
