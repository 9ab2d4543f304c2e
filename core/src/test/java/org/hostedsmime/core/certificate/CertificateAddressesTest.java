package org.hostedsmime.core.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

class CertificateAddressesTest {
    private static final TestPki PKI = TestPki.create("Addresses");

    @Test
    void readsSubjectAlternativeNames() {
        var certificate = PKI.smimeLeaf("alice@example.org").addresses("alice@example.org", "a.smith@example.org").build().certificate();

        assertThat(CertificateAddresses.of(certificate)).containsExactly("alice@example.org", "a.smith@example.org");
    }

    @Test
    void readsTheLegacySubjectEmailAddress() {
        var certificate = PKI.smimeLeaf("alice@example.org").emailInSubjectOnly().build().certificate();

        assertThat(CertificateAddresses.of(certificate)).containsExactly("alice@example.org");
    }

    @Test
    void comparesCaseInsensitively() {
        var certificate = PKI.smimeLeaf("Alice.Smith@Example.ORG").build().certificate();

        assertThat(CertificateAddresses.covers(certificate, "alice.smith@example.org")).isTrue();
        assertThat(CertificateAddresses.covers(certificate, "alice@example.org")).isFalse();
    }

    @Test
    void aServerCertificateCoversNoAddress() {
        assertThat(CertificateAddresses.of(PKI.serverLeaf("mail.example.org").build().certificate())).isEmpty();
    }
}
