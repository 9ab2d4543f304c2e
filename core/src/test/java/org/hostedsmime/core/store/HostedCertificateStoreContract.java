package org.hostedsmime.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.keys.EncryptedPrivateKey;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every {@link HostedCertificateStore} does; each backend's test implements this interface. */
public interface HostedCertificateStoreContract {
    TestPki PKI = TestPki.create("Store contract");
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    HostedCertificateStore store();

    static HostedCertificate hosted(Username owner, TestCredential credential, Instant importedAt) {
        return new HostedCertificate(owner, Fingerprint.of(credential.certificate()), credential.chain(),
            new EncryptedPrivateKey("0123456789abcdef", new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7}), importedAt);
    }

    static HostedCertificate hosted(Username owner, Instant importedAt) {
        return hosted(owner, PKI.smimeLeaf(owner.asString()).build(), importedAt);
    }

    private List<HostedCertificate> list(Username owner) {
        return Flux.from(store().list(owner)).collectList().block();
    }

    @Test
    default void listIsEmptyForAUserWithoutCertificates() {
        assertThat(list(ALICE)).isEmpty();
    }

    @Test
    default void savedCertificateIsReturnedWhole() {
        HostedCertificate certificate = hosted(ALICE, NOW);

        Mono.from(store().save(certificate)).block();

        HostedCertificate retrieved = Mono.from(store().retrieve(ALICE, certificate.fingerprint())).block();
        assertThat(retrieved).isEqualTo(certificate);
        assertThat(retrieved.chain()).hasSize(2);
        assertThat(retrieved.encryptedKey().ciphertext()).containsExactly(4, 5, 6, 7);
    }

    @Test
    default void listReturnsCertificatesInImportOrder() {
        HostedCertificate second = hosted(ALICE, NOW.plus(1, ChronoUnit.HOURS));
        HostedCertificate first = hosted(ALICE, NOW);

        Mono.from(store().save(second)).block();
        Mono.from(store().save(first)).block();

        assertThat(list(ALICE)).containsExactly(first, second);
    }

    @Test
    default void certificatesAreKeptPerUser() {
        HostedCertificate alices = hosted(ALICE, NOW);
        HostedCertificate bobs = hosted(BOB, NOW);

        Mono.from(store().save(alices)).block();
        Mono.from(store().save(bobs)).block();

        assertThat(list(ALICE)).containsExactly(alices);
        assertThat(Mono.from(store().retrieve(BOB, alices.fingerprint())).blockOptional()).isEmpty();
    }

    @Test
    default void savingTheSameFingerprintAgainReplacesIt() {
        HostedCertificate original = hosted(ALICE, NOW);
        HostedCertificate replacement = new HostedCertificate(ALICE, original.fingerprint(), original.chain(),
            new EncryptedPrivateKey("fedcba9876543210", new byte[] {9}, new byte[] {8}), NOW.plusSeconds(5));

        Mono.from(store().save(original)).block();
        Mono.from(store().save(replacement)).block();

        assertThat(list(ALICE)).containsExactly(replacement);
    }

    @Test
    default void deleteRemovesTheCertificateAndItsKey() {
        HostedCertificate certificate = hosted(ALICE, NOW);
        Mono.from(store().save(certificate)).block();

        Mono.from(store().delete(ALICE, certificate.fingerprint())).block();

        assertThat(list(ALICE)).isEmpty();
        assertThat(Mono.from(store().retrieve(ALICE, certificate.fingerprint())).blockOptional()).isEmpty();
    }

    @Test
    default void deletingWhatIsNotThereDoesNothing() {
        HostedCertificate kept = hosted(ALICE, NOW);
        Mono.from(store().save(kept)).block();

        Mono.from(store().delete(ALICE, hosted(ALICE, NOW).fingerprint())).block();

        assertThat(list(ALICE)).containsExactly(kept);
    }

    @Test
    default void noDefaultUntilOneIsSet() {
        assertThat(Mono.from(store().retrieveDefault(ALICE)).blockOptional()).isEmpty();
    }

    @Test
    default void defaultIsPerUserAndCanChange() {
        HostedCertificate first = hosted(ALICE, NOW);
        HostedCertificate second = hosted(ALICE, NOW.plusSeconds(1));
        Mono.from(store().save(first)).block();
        Mono.from(store().save(second)).block();

        Mono.from(store().setDefault(ALICE, first.fingerprint())).block();
        Mono.from(store().setDefault(ALICE, second.fingerprint())).block();

        assertThat(Mono.from(store().retrieveDefault(ALICE)).block()).isEqualTo(second.fingerprint());
        assertThat(Mono.from(store().retrieveDefault(BOB)).blockOptional()).isEmpty();
    }

    @Test
    default void theDefaultCertificateComesWholeWithItsKey() {
        HostedCertificate first = hosted(ALICE, NOW);
        HostedCertificate second = hosted(ALICE, NOW.plusSeconds(1));
        Mono.from(store().save(first)).block();
        Mono.from(store().save(second)).block();
        assertThat(Mono.from(store().retrieveDefaultCertificate(ALICE)).blockOptional()).isEmpty();

        Mono.from(store().setDefault(ALICE, second.fingerprint())).block();

        assertThat(Mono.from(store().retrieveDefaultCertificate(ALICE)).block()).isEqualTo(second);
        assertThat(Mono.from(store().retrieveDefaultCertificate(BOB)).blockOptional()).isEmpty();
        Mono.from(store().delete(ALICE, second.fingerprint())).block();
        assertThat(Mono.from(store().retrieveDefaultCertificate(ALICE)).blockOptional()).isEmpty();
    }

    @Test
    default void deletingTheDefaultLeavesNoDefault() {
        HostedCertificate certificate = hosted(ALICE, NOW);
        Mono.from(store().save(certificate)).block();
        Mono.from(store().setDefault(ALICE, certificate.fingerprint())).block();

        Mono.from(store().delete(ALICE, certificate.fingerprint())).block();

        assertThat(Mono.from(store().retrieveDefault(ALICE)).blockOptional()).isEmpty();
    }

    @Test
    default void deletingAnotherCertificateKeepsTheDefault() {
        HostedCertificate chosen = hosted(ALICE, NOW);
        HostedCertificate other = hosted(ALICE, NOW.plusSeconds(1));
        Mono.from(store().save(chosen)).block();
        Mono.from(store().save(other)).block();
        Mono.from(store().setDefault(ALICE, chosen.fingerprint())).block();

        Mono.from(store().delete(ALICE, other.fingerprint())).block();

        assertThat(Mono.from(store().retrieveDefault(ALICE)).block()).isEqualTo(chosen.fingerprint());
    }
}
