package org.hostedsmime.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.hostedsmime.core.cms.SigningIdentity;
import org.hostedsmime.core.cms.SmimeResult;
import org.hostedsmime.core.cms.SmimeSigner;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.core.trust.TrustMaterial;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final TestPki PKI = TestPki.create("Verifier");
    private static final TestPki STRANGER = TestPki.create("Verifier stranger");
    private static final TestCredential BOB = PKI.smimeLeaf("bob@outside.example").build();
    private static final TrustMaterial TRUST = new TrustMaterial(List.of(PKI.root()), List.of(), List.of());
    private static final String MESSAGE = "From: bob@outside.example\r\nTo: alice@example.org\r\nSubject: hi\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThe meeting moved to 3pm.\r\n";

    private final SignatureVerifier verifier = new SignatureVerifier(Clock.systemUTC());

    static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    static byte[] signed(TestCredential signer, String message) throws Exception {
        try (SmimeResult result = new SmimeSigner(SmimeSigner.RsaSignatureScheme.PKCS1_V1_5).sign(parse(message.getBytes(StandardCharsets.UTF_8)),
            new SigningIdentity(signer.privateKey(), signer.certificate(), signer.issuersOnly()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            result.message().writeTo(out);
            return out.toByteArray();
        }
    }

    private SignatureCheck check(byte[] message, TrustMaterial trust) throws Exception {
        MimeMessage parsed = parse(message);
        String from = ((javax.mail.internet.InternetAddress) parsed.getFrom()[0]).getAddress();
        return verifier.verify(parsed, Optional.of(from), trust).check();
    }

    @Test
    void validSignatureFromATrustedCa() throws Exception {
        SignatureCheck check = check(signed(BOB, MESSAGE), TRUST);

        assertThat(check.verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(check.signerAddress()).contains("bob@outside.example");
        assertThat(check.fingerprint()).contains(new org.hostedsmime.core.certificate.Fingerprint(BOB.fingerprint()));
        assertThat(check.signingTime()).isPresent();
        assertThat(check.capabilities().supportsAes256Gcm()).isTrue();
        assertThat(check.issuers()).containsExactly(PKI.intermediate());
    }

    @Test
    void oneChangedBodyByteIsTampered() throws Exception {
        String signed = new String(signed(BOB, MESSAGE), StandardCharsets.ISO_8859_1).replace("3pm", "4pm");

        assertThat(check(signed.getBytes(StandardCharsets.ISO_8859_1), TRUST).verdict()).isEqualTo(SignatureVerdict.TAMPERED);
    }

    @Test
    void garbageSignatureIsCorrupt() throws Exception {
        String message = "From: bob@outside.example\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/pkcs7-signature\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nbm90IGEgc2lnbmF0dXJl\r\n--b--\r\n";

        assertThat(check(message.getBytes(StandardCharsets.US_ASCII), TRUST).verdict()).isEqualTo(SignatureVerdict.CORRUPT);
    }

    @Test
    void unknownCaIsUntrustedAndAMissingIntermediateToo() throws Exception {
        assertThat(check(signed(STRANGER.smimeLeaf("bob@outside.example").build(), MESSAGE), TRUST).verdict())
            .isEqualTo(SignatureVerdict.UNTRUSTED);
        TestCredential withoutIntermediate = new TestCredential(BOB.certificate(), BOB.privateKey(), List.of(BOB.certificate()));
        assertThat(check(signed(withoutIntermediate, MESSAGE), TRUST).verdict()).isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(check(signed(withoutIntermediate, MESSAGE), new TrustMaterial(List.of(PKI.root()), List.of(PKI.intermediate()), List.of()))
            .verdict()).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void revokedBeatsExpiredWhichBeatsUntrusted() throws Exception {
        TestCredential expired = PKI.smimeLeaf("bob@outside.example").expired().build();
        TrustMaterial revoking = new TrustMaterial(List.of(PKI.root()), List.of(), List.of(PKI.intermediateCrl(expired.certificate())));

        assertThat(check(signed(expired, MESSAGE), revoking).verdict()).isEqualTo(SignatureVerdict.REVOKED);
        assertThat(check(signed(expired, MESSAGE), TRUST).verdict()).isEqualTo(SignatureVerdict.EXPIRED);
        assertThat(check(signed(expired, MESSAGE), TrustMaterial.EMPTY).verdict()).isEqualTo(SignatureVerdict.EXPIRED);
    }

    @Test
    void aCertificateThatExpiredAfterSigningIsExpiredNow() throws Exception {
        TestCredential shortLived = PKI.smimeLeaf("bob@outside.example")
            .validity(Instant.now().minus(Duration.ofDays(2)), Instant.now().plus(Duration.ofHours(1))).build();
        SignatureVerifier later = new SignatureVerifier(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));

        MimeMessage message = parse(signed(shortLived, MESSAGE));
        assertThat(later.verify(message, Optional.of("bob@outside.example"), TRUST).check().verdict()).isEqualTo(SignatureVerdict.EXPIRED);
    }

    @Test
    void fromAnotherAddressIsASignerMismatch() throws Exception {
        String forged = MESSAGE.replace("From: bob@outside.example", "From: ceo@example.org");

        assertThat(check(signed(BOB, forged), TRUST).verdict()).isEqualTo(SignatureVerdict.SIGNER_MISMATCH);
    }

    @Test
    void sha1DigestIsWeak() throws Exception {
        assertThat(check(encapsulatedOrDetached(BOB, "SHA1withRSA", false), TRUST).verdict()).isEqualTo(SignatureVerdict.WEAK_ALGORITHM);
        assertThat(check(signed(PKI.smimeLeaf("bob@outside.example").signatureAlgorithm("SHA1withRSA").build(), MESSAGE), TRUST).verdict())
            .isEqualTo(SignatureVerdict.WEAK_ALGORITHM);
    }

    @Test
    void opaqueSignedDataIsVerifiedAndTurnedIntoTheEquivalentDetachedSignature() throws Exception {
        byte[] opaque = encapsulatedOrDetached(BOB, "SHA256withRSA", true);
        MimeMessage message = parse(opaque);
        assertThat(SmimeStructure.of(message)).isEqualTo(SmimeStructure.OPAQUE_SIGNED);

        SignatureVerifier.Outcome outcome = verifier.verify(message, Optional.of("bob@outside.example"), TRUST);

        assertThat(outcome.check().verdict()).isEqualTo(SignatureVerdict.VALID);
        try (var entity = outcome.unwrappedContent().orElseThrow()) {
            MimeBodyPart detached = entity.bodyPart();
            assertThat(detached.getContentType()).startsWith("multipart/signed");
            SMIMESigned reverified = new SMIMESigned((MimeMultipart) detached.getContent());
            assertThat(reverified.getSignerInfos().getSigners().iterator().next()
                .verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE)
                    .build(BOB.certificate()))).isTrue();
            assertThat(reverified.getContent().getContent()).isEqualTo("The meeting moved to 3pm.\r\n");
        }
    }

    private static byte[] encapsulatedOrDetached(TestCredential signer, String algorithm, boolean encapsulated) throws Exception {
        SMIMESignedGenerator generator = new SMIMESignedGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE)
            .build(algorithm, signer.privateKey(), signer.certificate()));
        generator.addCertificates(new JcaCertStore(signer.chain()));
        MimeBodyPart content = new MimeBodyPart();
        content.setText("The meeting moved to 3pm.\r\n", "us-ascii");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("bob@outside.example");
        message.setSubject("hi");
        if (encapsulated) {
            MimeBodyPart opaque = generator.generateEncapsulated(content);
            message.setContent(opaque.getContent(), opaque.getContentType());
            message.setHeader("Content-Transfer-Encoding", "base64");
        } else {
            message.setContent(generator.generate(content));
        }
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
