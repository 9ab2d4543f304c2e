package org.hostedsmime.core.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMEAttributes;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmimeSignerTest {
    private static final TestPki PKI = TestPki.create("Signer");
    private static final TestCredential ALICE = PKI.smimeLeaf("alice@example.org").build();
    private static final String EIGHT_BIT_MESSAGE = String.join("\r\n",
        "From: alice@example.org",
        "To: bob@outside.example",
        "Subject: =?UTF-8?B?5L2g5aW9?=",
        "Date: Tue, 24 Nov 2026 10:00:00 +0000",
        "Message-ID: <signed-1@example.org>",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"outer\"",
        "",
        "--outer",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        "Grüße aus dem Büro. 你好。",
        "From the start of a line, a trailing space ",
        "--outer",
        "Content-Type: application/octet-stream; name=\"data.bin\"",
        "Content-Transfer-Encoding: base64",
        "",
        "AAECAwQFBgcICQoLDA0ODw==",
        "--outer--",
        "");

    @TempDir
    Path directory;

    static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private byte[] signed(String raw, TestCredential signer) throws Exception {
        SigningIdentity identity = new SigningIdentity(signer.privateKey(), signer.certificate(), signer.issuersOnly());
        try (SmimeResult result = new SmimeSigner(SmimeSigner.RsaSignatureScheme.PKCS1_V1_5).sign(parse(raw.getBytes(StandardCharsets.UTF_8)), identity)) {
            return bytes(result.message());
        }
    }

    @Test
    void signatureVerifiesAfterTransportAndCarriesTheExpectedAttributes() throws Exception {
        MimeMessage received = parse(signed(EIGHT_BIT_MESSAGE, ALICE));

        assertThat(received.getContentType()).startsWith("multipart/signed")
            .contains("protocol=\"application/pkcs7-signature\"").contains("micalg=sha-256");
        assertThat(received.getMessageID()).isEqualTo("<signed-1@example.org>");
        assertThat(received.getSubject()).isEqualTo("你好");

        SMIMESigned smime = new SMIMESigned((MimeMultipart) received.getContent());
        SignerInformation signer = smime.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates = smime.getCertificates().getMatches(null);
        assertThat(certificates).extracting(X509CertificateHolder::getSubject)
            .containsExactlyInAnyOrder(X500Name.getInstance(ALICE.certificate().getSubjectX500Principal().getEncoded()),
                X500Name.getInstance(PKI.intermediate().getSubjectX500Principal().getEncoded()));
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(ALICE.certificate())))
            .isTrue();
        AttributeTable attributes = signer.getSignedAttributes();
        assertThat(attributes.get(PKCSObjectIdentifiers.pkcs_9_at_signingTime)).isNotNull();
        assertThat(attributes.get(SMIMEAttributes.smimeCapabilities)).isNotNull();
        assertThat(attributes.get(SMIMEAttributes.encrypKeyPref)).isNotNull();
        assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
    }

    @Test
    void eightBitPartsAreSentSevenBitAndDecodeToTheSameText() throws Exception {
        byte[] signed = signed(EIGHT_BIT_MESSAGE, ALICE);

        for (byte b : signed) {
            assertThat(b & 0x80).as("only 7-bit bytes on the wire").isZero();
        }
        MimeMultipart signedParts = (MimeMultipart) parse(signed).getContent();
        MimeMultipart content = (MimeMultipart) signedParts.getBodyPart(0).getContent();
        assertThat(content.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
        assertThat((String) content.getBodyPart(0).getContent()).startsWith("Grüße aus dem Büro. 你好。");
    }

    @Test
    void ecdsaSignature() throws Exception {
        TestCredential ec = PKI.smimeLeaf("alice@example.org").ecKey("secp256r1").build();

        SMIMESigned smime = new SMIMESigned((MimeMultipart) parse(signed(EIGHT_BIT_MESSAGE, ec)).getContent());

        SignerInformation signer = smime.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.840.10045.4.3.2");
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(ec.certificate()))).isTrue();
    }

    @Test
    void rsaPssWhenConfigured() throws Exception {
        SigningIdentity identity = new SigningIdentity(ALICE.privateKey(), ALICE.certificate(), ALICE.issuersOnly());
        byte[] signed;
        try (SmimeResult result = new SmimeSigner(SmimeSigner.RsaSignatureScheme.PSS).sign(parse(EIGHT_BIT_MESSAGE.getBytes(StandardCharsets.UTF_8)), identity)) {
            signed = bytes(result.message());
        }

        SignerInformation signer = new SMIMESigned((MimeMultipart) parse(signed).getContent()).getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(ALICE.certificate()))).isTrue();
    }

    @Test
    void opensslVerifiesTheSignatureAgainstTheRoot() throws Exception {
        Path message = directory.resolve("signed.eml");
        Path root = directory.resolve("root.pem");
        Files.write(message, signed(EIGHT_BIT_MESSAGE, ALICE));
        Files.writeString(root, TestPki.pem(PKI.root()));

        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-in", message.toString(), "-CAfile", root.toString(),
            "-purpose", "smimesign").redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(openssl.waitFor()).as(output).isZero();
        assertThat(output).contains("Verification successful").contains("Gr=C3=BC=C3=9Fe aus dem B=C3=BCro");
    }

    @Test
    void signerCertificateChainExcludesTheRoot() throws Exception {
        SMIMESigned smime = new SMIMESigned((MimeMultipart) parse(signed(EIGHT_BIT_MESSAGE, ALICE)).getContent());

        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates = smime.getCertificates().getMatches(null);
        X509Certificate root = PKI.root();
        assertThat(certificates).noneMatch(holder -> holder.getSubject().equals(X500Name.getInstance(root.getSubjectX500Principal().getEncoded())));
    }
}
