package org.hostedsmime.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.james.core.Domain;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every {@link DomainTrustStore} does; each backend's test implements this interface. */
public interface DomainTrustStoreContract {
    TestPki ORGANISATION = TestPki.create("Organisation");
    TestPki PARTNER = TestPki.create("Partner");
    Domain EXAMPLE = Domain.of("example.org");
    Domain OTHER = Domain.of("other.example");

    DomainTrustStore store();

    private List<X509Certificate> anchors(Domain domain) {
        return Flux.from(store().trustAnchors(domain)).collectList().block();
    }

    private List<X509CRL> crls(Domain domain) {
        return Flux.from(store().crls(domain)).collectList().block();
    }

    @Test
    default void enablementIsUnsetUntilSetThenPerDomain() {
        assertThat(Mono.from(store().isEnabled(EXAMPLE)).blockOptional()).isEmpty();

        Mono.from(store().setEnabled(EXAMPLE, true)).block();
        assertThat(Mono.from(store().isEnabled(EXAMPLE)).block()).isTrue();
        assertThat(Mono.from(store().isEnabled(OTHER)).blockOptional()).isEmpty();

        Mono.from(store().setEnabled(EXAMPLE, false)).block();
        assertThat(Mono.from(store().isEnabled(EXAMPLE)).block()).isFalse();
    }

    @Test
    default void trustAnchorsAreListedInTheOrderAddedWithoutDuplicates() {
        Mono.from(store().addTrustAnchor(EXAMPLE, ORGANISATION.root())).block();
        Mono.from(store().addTrustAnchor(EXAMPLE, PARTNER.root())).block();
        Mono.from(store().addTrustAnchor(EXAMPLE, ORGANISATION.root())).block();

        assertThat(anchors(EXAMPLE)).containsExactly(ORGANISATION.root(), PARTNER.root());
        assertThat(anchors(OTHER)).isEmpty();
    }

    @Test
    default void removeTrustAnchorByFingerprint() {
        Mono.from(store().addTrustAnchor(EXAMPLE, ORGANISATION.root())).block();
        Mono.from(store().addTrustAnchor(EXAMPLE, PARTNER.root())).block();

        Mono.from(store().removeTrustAnchor(EXAMPLE, Fingerprint.of(ORGANISATION.root()))).block();

        assertThat(anchors(EXAMPLE)).containsExactly(PARTNER.root());
    }

    @Test
    default void removingAnUnknownAnchorDoesNothing() {
        Mono.from(store().addTrustAnchor(EXAMPLE, ORGANISATION.root())).block();

        Mono.from(store().removeTrustAnchor(EXAMPLE, Fingerprint.of(PARTNER.root()))).block();

        assertThat(anchors(EXAMPLE)).containsExactly(ORGANISATION.root());
    }

    @Test
    default void intermediatesAreKeptPerDomainWithoutDuplicates() {
        Mono.from(store().addIntermediate(EXAMPLE, ORGANISATION.intermediate())).block();
        Mono.from(store().addIntermediate(EXAMPLE, ORGANISATION.intermediate())).block();

        assertThat(Flux.from(store().intermediates(EXAMPLE)).collectList().block()).containsExactly(ORGANISATION.intermediate());
        assertThat(Flux.from(store().intermediates(OTHER)).collectList().block()).isEmpty();
    }

    @Test
    default void aCrlReplacesTheOneFromTheSameIssuer() {
        X509CRL older = ORGANISATION.intermediateCrl();
        X509CRL newer = ORGANISATION.intermediateCrl(ORGANISATION.smimeLeaf("alice@example.org").build().certificate());
        X509CRL partners = PARTNER.intermediateCrl();

        Mono.from(store().saveCrl(EXAMPLE, older)).block();
        Mono.from(store().saveCrl(EXAMPLE, partners)).block();
        Mono.from(store().saveCrl(EXAMPLE, newer)).block();

        assertThat(crls(EXAMPLE)).containsExactlyInAnyOrder(newer, partners);
        assertThat(crls(OTHER)).isEmpty();
    }
}
