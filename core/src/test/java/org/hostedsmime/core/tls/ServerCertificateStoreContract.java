package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every {@link ServerCertificateStore} does; each backend's test implements this interface. */
public interface ServerCertificateStoreContract {
    TestPki PKI = TestPki.create("Server certificate store contract");
    Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    ServerCertificateStore store();

    static ServerCredentials credentials(TestCredential credential) {
        return new ServerCredentials(credential.privateKey(), credential.chain());
    }

    private static void assertSameCredentials(ServerCredentials actual, ServerCredentials expected) {
        assertThat(actual.chain()).isEqualTo(expected.chain());
        assertThat(actual.privateKey().getEncoded()).isEqualTo(expected.privateKey().getEncoded());
    }

    @Test
    default void nothingIsKeptAtFirst() {
        assertThat(Mono.from(store().current()).blockOptional()).isEmpty();
        assertThat(Mono.from(store().previous()).blockOptional()).isEmpty();
        assertThat(Mono.from(store().pendingRequest()).blockOptional()).isEmpty();
        assertThat(Flux.from(store().crls()).collectList().block()).isEmpty();
    }

    @Test
    default void currentAndPreviousAreKeptWholeAndApart() {
        ServerCredentials first = credentials(PKI.serverLeaf("mail.example.org").build());
        ServerCredentials second = credentials(PKI.serverLeaf("mail.example.org").ecKey("secp256r1").build());

        Mono.from(store().savePrevious(new AppliedServerCertificate(first, Optional.empty()))).block();
        Mono.from(store().saveCurrent(AppliedServerCertificate.at(second, NOW))).block();

        AppliedServerCertificate current = Mono.from(store().current()).block();
        AppliedServerCertificate previous = Mono.from(store().previous()).block();
        assertSameCredentials(current.credentials(), second);
        assertThat(current.appliedAt()).contains(NOW);
        assertSameCredentials(previous.credentials(), first);
        assertThat(previous.appliedAt()).isEmpty();
    }

    @Test
    default void savingCurrentAgainReplacesIt() {
        ServerCredentials first = credentials(PKI.serverLeaf("mail.example.org").build());
        ServerCredentials second = credentials(PKI.serverLeaf("mail.example.org").build());

        Mono.from(store().saveCurrent(AppliedServerCertificate.at(first, NOW))).block();
        Mono.from(store().saveCurrent(AppliedServerCertificate.at(second, NOW.plusSeconds(60)))).block();

        AppliedServerCertificate current = Mono.from(store().current()).block();
        assertSameCredentials(current.credentials(), second);
        assertThat(current.appliedAt()).contains(NOW.plusSeconds(60));
    }

    @Test
    default void aPendingRequestIsKeptUntilDeleted() {
        PendingCertificateRequest request = CertificateSigningRequests.create("mail.example.org", List.of("imap.example.org"), CsrKeyType.EC_P256, NOW);

        Mono.from(store().savePendingRequest(request)).block();
        PendingCertificateRequest kept = Mono.from(store().pendingRequest()).block();
        Mono.from(store().deletePendingRequest()).block();
        Mono.from(store().deletePendingRequest()).block();

        assertThat(kept.privateKey().getEncoded()).isEqualTo(request.privateKey().getEncoded());
        assertThat(kept.csrPem()).isEqualTo(request.csrPem());
        assertThat(kept.commonName()).isEqualTo("mail.example.org");
        assertThat(kept.subjectAltNames()).containsExactly("mail.example.org", "imap.example.org");
        assertThat(kept.keyType()).isEqualTo(CsrKeyType.EC_P256);
        assertThat(kept.createdAt()).isEqualTo(NOW);
        assertThat(Mono.from(store().pendingRequest()).blockOptional()).isEmpty();
    }

    @Test
    default void aNewPendingRequestReplacesTheOldOne() {
        PendingCertificateRequest first = CertificateSigningRequests.create("mail.example.org", List.of(), CsrKeyType.EC_P256, NOW);
        PendingCertificateRequest second = CertificateSigningRequests.create("smtp.example.org", List.of(), CsrKeyType.EC_P256, NOW);

        Mono.from(store().savePendingRequest(first)).block();
        Mono.from(store().savePendingRequest(second)).block();

        assertThat(Mono.from(store().pendingRequest()).block().commonName()).isEqualTo("smtp.example.org");
    }

    @Test
    default void aCrlReplacesTheOneOfTheSameIssuer() {
        TestPki other = TestPki.create("Other issuer");
        X509CRL older = PKI.intermediateCrl();
        X509CRL newer = PKI.intermediateCrl(PKI.serverLeaf("mail.example.org").build().certificate());
        X509CRL otherIssuers = other.intermediateCrl();

        Mono.from(store().saveCrl(older)).block();
        Mono.from(store().saveCrl(otherIssuers)).block();
        Mono.from(store().saveCrl(newer)).block();

        assertThat(Flux.from(store().crls()).collectList().block()).containsExactlyInAnyOrder(newer, otherIssuers);
    }
}
