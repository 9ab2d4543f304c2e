package org.hostedsmime.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

class CertificateValidatorTest {
    private static final TestPki PKI = TestPki.create("Validator");
    private static final TestPki STRANGER = TestPki.create("Stranger");
    private static final TrustMaterial TRUSTS_PKI = new TrustMaterial(List.of(PKI.root()), List.of(), List.of());

    private final CertificateValidator validator = new CertificateValidator();

    private ChainVerdict validate(TestCredential credential, TrustMaterial trust) {
        return validator.validate(credential.certificate(), credential.issuersOnly(), trust, Instant.now());
    }

    @Test
    void validPathEndsAtTheAnchor() {
        TestCredential alice = PKI.smimeLeaf("alice@example.org").build();

        ChainVerdict verdict = validate(alice, TRUSTS_PKI);

        assertThat(verdict.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(verdict.path()).containsExactly(alice.certificate(), PKI.intermediate(), PKI.root());
        assertThat(verdict.intermediates()).containsExactly(PKI.intermediate());
    }

    @Test
    void aMissingIntermediateIsFoundAmongTheDomainsKnownOnes() {
        TestCredential alice = PKI.smimeLeaf("alice@example.org").build();

        assertThat(validator.validate(alice.certificate(), List.of(), TRUSTS_PKI, Instant.now()).status())
            .isEqualTo(CertificateStatus.UNTRUSTED);
        assertThat(validator.validate(alice.certificate(), List.of(),
            new TrustMaterial(List.of(PKI.root()), List.of(PKI.intermediate()), List.of()), Instant.now()).status())
            .isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void unknownCaAndSelfSignedAreUntrusted() {
        assertThat(validate(STRANGER.smimeLeaf("a@example.org").build(), TRUSTS_PKI).status()).isEqualTo(CertificateStatus.UNTRUSTED);
        assertThat(validate(PKI.smimeLeaf("a@example.org").selfSigned().build(), TRUSTS_PKI).status()).isEqualTo(CertificateStatus.UNTRUSTED);
        assertThat(validate(PKI.smimeLeaf("a@example.org").build(), TrustMaterial.EMPTY).reason()).contains("no trust anchor");
    }

    @Test
    void aSelfSignedCertificateThatIsItselfAnAnchorIsValid() {
        TestCredential selfSigned = PKI.smimeLeaf("a@example.org").selfSigned().build();

        assertThat(validate(selfSigned, new TrustMaterial(List.of(selfSigned.certificate()), List.of(), List.of())).status())
            .isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void datesAreCheckedAtTheGivenTime() {
        assertThat(validate(PKI.smimeLeaf("a@example.org").expired().build(), TRUSTS_PKI).status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(validate(PKI.smimeLeaf("a@example.org").notYetValid().build(), TRUSTS_PKI).status()).isEqualTo(CertificateStatus.NOT_YET_VALID);
        TestCredential expired = PKI.smimeLeaf("a@example.org").expired().build();
        Instant whileValid = expired.certificate().getNotAfter().toInstant().minusSeconds(3600);
        assertThat(validator.validate(expired.certificate(), expired.issuersOnly(), TRUSTS_PKI, whileValid).status())
            .isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void revocationOfTheLeafOrOfTheIntermediate() {
        TestCredential revoked = PKI.smimeLeaf("a@example.org").build();
        TestCredential fine = PKI.smimeLeaf("b@example.org").build();
        TrustMaterial leafCrl = new TrustMaterial(List.of(PKI.root()), List.of(), List.of(PKI.intermediateCrl(revoked.certificate())));
        TrustMaterial intermediateCrl = new TrustMaterial(List.of(PKI.root()), List.of(), List.of(PKI.rootCrl(PKI.intermediate())));

        assertThat(validate(revoked, leafCrl).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(validate(fine, leafCrl).status()).isEqualTo(CertificateStatus.VALID);
        assertThat(validate(fine, intermediateCrl).status()).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void aCrlNotSignedByTheIssuerIsIgnored() {
        TestCredential alice = PKI.smimeLeaf("a@example.org").build();
        // Same serial, listed by another CA: it says nothing about this certificate.
        TestCredential impostor = STRANGER.smimeLeaf("a@example.org").serialNumber(alice.certificate().getSerialNumber()).build();
        TrustMaterial trust = new TrustMaterial(List.of(PKI.root()), List.of(), List.of(STRANGER.intermediateCrl(impostor.certificate())));

        assertThat(validate(alice, trust).status()).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void weakAlgorithms() {
        assertThat(validate(PKI.smimeLeaf("a@example.org").signatureAlgorithm("SHA1withRSA").build(), TRUSTS_PKI).status())
            .isEqualTo(CertificateStatus.WEAK_ALGORITHM);
        assertThat(validate(PKI.smimeLeaf("a@example.org").signatureAlgorithm("MD5withRSA").build(), TRUSTS_PKI).status())
            .isEqualTo(CertificateStatus.WEAK_ALGORITHM);
        assertThat(validate(PKI.smimeLeaf("a@example.org").rsaKey(1024).build(), TRUSTS_PKI).reason()).startsWith("RSA 1024");
        assertThat(validate(PKI.smimeLeaf("a@example.org").ecKey("secp224r1").build(), TRUSTS_PKI).reason()).startsWith("EC 224");
        assertThat(validate(PKI.smimeLeaf("a@example.org").ecKey("secp256r1").build(), TRUSTS_PKI).status()).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void keyUsagePolicy() {
        assertThat(KeyUsagePolicy.allowsSmime(PKI.smimeLeaf("a@example.org").build().certificate())).isTrue();
        assertThat(KeyUsagePolicy.allowsSmime(PKI.smimeLeaf("a@example.org").noExtendedKeyUsage().noKeyUsage().build().certificate())).isTrue();
        assertThat(KeyUsagePolicy.allowsSmime(PKI.serverLeaf("mail.example.org").build().certificate())).isFalse();
        assertThat(KeyUsagePolicy.allowsSmime(PKI.smimeLeaf("a@example.org")
            .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.cRLSign).build().certificate())).isFalse();
    }
}
