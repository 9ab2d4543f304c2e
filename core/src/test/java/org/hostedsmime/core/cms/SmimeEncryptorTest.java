package org.hostedsmime.core.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostedsmime.core.cms.SmimeSignerTest.bytes;
import static org.hostedsmime.core.cms.SmimeSignerTest.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMEAuthEnveloped;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.directory.CertificateSource;
import org.hostedsmime.core.directory.RecipientCertificate;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmimeEncryptorTest {
    private static final TestPki PKI = TestPki.create("Encryptor");
    private static final TestCredential ALICE = PKI.smimeLeaf("alice@example.org").build();
    private static final TestCredential BOB = PKI.smimeLeaf("bob@outside.example").build();
    private static final TestCredential CAROL_EC = PKI.smimeLeaf("carol@outside.example").ecKey("secp256r1").build();
    private static final SmimeCapabilities LEGACY = SmimeCapabilities.of(new DERSequence(new SMIMECapability(NISTObjectIdentifiers.id_aes128_CBC, null)));
    private static final SmimeCapabilities MODERN = SmimeCapabilities.ofThisServer();
    private static final String MESSAGE = "From: alice@example.org\r\nTo: bob@outside.example\r\nSubject: secret plans\r\n"
        + "Message-ID: <enc-1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nMeet at noon.\r\n";

    @TempDir
    Path directory;

    private final SmimeEncryptor encryptor = new SmimeEncryptor(SmimeEncryptor.ContentCipher.AES_256_CBC, true);

    private byte[] signAndEncrypt(List<RecipientCertificate> recipients) throws Exception {
        SigningIdentity identity = new SigningIdentity(ALICE.privateKey(), ALICE.certificate(), ALICE.issuersOnly());
        try (SmimeResult signed = new SmimeSigner(SmimeSigner.RsaSignatureScheme.PKCS1_V1_5).sign(parse(MESSAGE.getBytes(StandardCharsets.US_ASCII)), identity);
             SmimeResult encrypted = encryptor.encrypt(signed, recipients)) {
            return bytes(encrypted.message());
        }
    }

    private static RecipientCertificate recipient(TestCredential credential, SmimeCapabilities capabilities) {
        return new RecipientCertificate(credential.certificate().getSubjectX500Principal().getName(), credential.certificate(),
            CertificateSource.COLLECTED, capabilities);
    }

    private static void assertSignedContentVerifies(byte[] decrypted) throws Exception {
        MimeBodyPart signedEntity = SMIMEUtil.toMimeBodyPart(decrypted);
        SMIMESigned signed = new SMIMESigned((MimeMultipart) signedEntity.getContent());
        assertThat(signed.getSignerInfos().getSigners().iterator().next()
            .verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(ALICE.certificate()))).isTrue();
        assertThat((String) signed.getContent().getContent()).isEqualTo("Meet at noon.\r\n");
    }

    @Test
    void cbcWithPkcs1ForALegacyRecipientAndOaepForAModernOne() throws Exception {
        MimeMessage received = parse(signAndEncrypt(List.of(recipient(BOB, LEGACY), recipient(ALICE, MODERN))));

        assertThat(received.getContentType()).contains("application/pkcs7-mime").contains("smime-type=enveloped-data");
        assertThat(received.getSubject()).isEqualTo("secret plans");
        assertThat(received.getMessageID()).isEqualTo("<enc-1@example.org>");
        SMIMEEnveloped enveloped = new SMIMEEnveloped(received);
        assertThat(enveloped.getEncryptionAlgOID()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC.getId());

        KeyTransRecipientInformation forBob = (KeyTransRecipientInformation) enveloped.getRecipientInfos().get(new JceKeyTransRecipientId(BOB.certificate()));
        KeyTransRecipientInformation forAlice = (KeyTransRecipientInformation) enveloped.getRecipientInfos().get(new JceKeyTransRecipientId(ALICE.certificate()));
        assertThat(forBob.getKeyEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.rsaEncryption.getId());
        assertThat(forAlice.getKeyEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSAES_OAEP.getId());
        assertSignedContentVerifies(forBob.getContent(new JceKeyTransEnvelopedRecipient(BOB.privateKey()).setProvider(CryptoProvider.BOUNCY_CASTLE)));
        assertSignedContentVerifies(forAlice.getContent(new JceKeyTransEnvelopedRecipient(ALICE.privateKey()).setProvider(CryptoProvider.BOUNCY_CASTLE)));
    }

    @Test
    void gcmOnlyWhenEveryRecipientAnnouncedIt() throws Exception {
        assertThat(encryptor.choose(List.of(recipient(BOB, LEGACY), recipient(ALICE, MODERN))).contentEncryption()).isEqualTo("AES-256-CBC");
        assertThat(encryptor.choose(List.of(recipient(BOB, MODERN), recipient(ALICE, MODERN))).contentEncryption()).isEqualTo("AES-256-GCM");

        MimeMessage received = parse(signAndEncrypt(List.of(recipient(BOB, MODERN), recipient(ALICE, MODERN))));

        assertThat(received.getContentType()).contains("smime-type=authEnveloped-data");
        SMIMEAuthEnveloped enveloped = new SMIMEAuthEnveloped(received);
        assertThat(enveloped.getEncryptionAlgOID()).isEqualTo(NISTObjectIdentifiers.id_aes256_GCM.getId());
        RecipientInformation forBob = enveloped.getRecipientInfos().get(new JceKeyTransRecipientId(BOB.certificate()));
        assertSignedContentVerifies(forBob.getContent(new JceKeyTransEnvelopedRecipient(BOB.privateKey()).setProvider(CryptoProvider.BOUNCY_CASTLE)));
    }

    @Test
    void ecdhForAnEcCertificate() throws Exception {
        MimeMessage received = parse(signAndEncrypt(List.of(recipient(CAROL_EC, LEGACY))));

        SMIMEEnveloped enveloped = new SMIMEEnveloped(received);
        RecipientInformation forCarol = enveloped.getRecipientInfos().get(new JceKeyAgreeRecipientId(CAROL_EC.certificate()));
        assertThat(forCarol).isNotNull();
        assertSignedContentVerifies(forCarol.getContent(new JceKeyAgreeEnvelopedRecipient(CAROL_EC.privateKey()).setProvider(CryptoProvider.BOUNCY_CASTLE)));
    }

    @Test
    void aRecipientWithoutTheRightKeyCannotDecrypt() throws Exception {
        MimeMessage received = parse(signAndEncrypt(List.of(recipient(BOB, LEGACY))));

        assertThat(new SMIMEEnveloped(received).getRecipientInfos().get(new JceKeyTransRecipientId(ALICE.certificate()))).isNull();
    }

    @Test
    void opensslDecryptsAndTheSignatureInsideVerifies() throws Exception {
        Path message = directory.resolve("encrypted.eml");
        Files.write(message, signAndEncrypt(List.of(recipient(BOB, MODERN))));
        Path key = directory.resolve("bob.key");
        Path certificate = directory.resolve("bob.pem");
        Path decrypted = directory.resolve("decrypted.eml");
        Path root = directory.resolve("root.pem");
        Files.writeString(key, BOB.privateKeyPkcs8Pem());
        Files.writeString(certificate, BOB.certificatePem());
        Files.writeString(root, TestPki.pem(PKI.root()));

        Process decrypt = new ProcessBuilder("openssl", "cms", "-decrypt", "-in", message.toString(), "-recip", certificate.toString(),
            "-inkey", key.toString(), "-out", decrypted.toString()).redirectErrorStream(true).start();
        String decryptOutput = new String(decrypt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(decrypt.waitFor()).as(decryptOutput).isZero();

        Process verify = new ProcessBuilder("openssl", "cms", "-verify", "-in", decrypted.toString(), "-CAfile", root.toString())
            .redirectErrorStream(true).start();
        String verifyOutput = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(verifyOutput).isZero();
        assertThat(verifyOutput).contains("Meet at noon.");
    }
}
