package org.hostedsmime.it.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;

/**
 * Checks a message the way its recipient's software would: Bouncy Castle, the OpenSSL command line
 * ({@code openssl cms}) and GnuPG's {@code gpgsm}.
 */
public final class ExternalVerifiers {

    public static MimeMessage parse(byte[] data) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
    }

    /** Verifies a multipart/signed message with Bouncy Castle; returns the signed content's first text. */
    public static SMIMESigned verifyWithBouncyCastle(byte[] message, X509Certificate signer) throws Exception {
        SMIMESigned signed = new SMIMESigned((MimeMultipart) parse(message).getContent());
        SignerInformation information = signed.getSignerInfos().getSigners().iterator().next();
        assertThat(information.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(signer)))
            .as("Bouncy Castle verification").isTrue();
        return signed;
    }

    /** Decrypts an enveloped-data message with the recipient's key (Bouncy Castle); returns the inner entity. */
    public static byte[] decryptWithBouncyCastle(byte[] message, TestCredential recipient) throws Exception {
        SMIMEEnveloped enveloped = new SMIMEEnveloped(parse(message));
        RecipientInformation information = enveloped.getRecipientInfos().get(new JceKeyTransRecipientId(recipient.certificate()));
        assertThat(information).as("a RecipientInfo for " + recipient.certificate().getSubjectX500Principal()).isNotNull();
        return information.getContent(new JceKeyTransEnvelopedRecipient(recipient.privateKey()).setProvider(CryptoProvider.BOUNCY_CASTLE));
    }

    public static String opensslVerify(Path directory, byte[] message, TestPki pki) throws Exception {
        Path file = Files.write(Files.createTempFile(directory, "signed", ".eml"), message);
        Path root = Files.writeString(directory.resolve("root.pem"), TestPki.pem(pki.root()));
        return run(directory, "openssl", "cms", "-verify", "-in", file.toString(), "-CAfile", root.toString(), "-purpose", "smimesign");
    }

    public static byte[] opensslDecrypt(Path directory, byte[] message, TestCredential recipient) throws Exception {
        Path file = Files.write(Files.createTempFile(directory, "encrypted", ".eml"), message);
        Path key = Files.writeString(Files.createTempFile(directory, "key", ".pem"), recipient.privateKeyPkcs8Pem());
        Path certificate = Files.writeString(Files.createTempFile(directory, "cert", ".pem"), recipient.certificatePem());
        Path out = directory.resolve("decrypted-" + System.nanoTime() + ".eml");
        run(directory, "openssl", "cms", "-decrypt", "-in", file.toString(), "-recip", certificate.toString(), "-inkey", key.toString(),
            "-out", out.toString());
        return Files.readAllBytes(out);
    }

    /**
     * {@code gpgsm --verify} of the detached signature against the signed part, with the test root as the only
     * trusted root (CRL and policy checks off: the test PKI publishes neither).
     */
    public static String gpgsmVerify(Path directory, byte[] message, TestPki pki) throws Exception {
        MimeMultipart signed = (MimeMultipart) parse(message).getContent();
        byte[] signedPart = SignedPartBytes.of(message);
        Path content = Files.write(directory.resolve("content.bin"), signedPart);
        Path signature;
        try (var in = signed.getBodyPart(1).getInputStream()) {
            signature = Files.write(directory.resolve("smime.p7s"), in.readAllBytes());
        }
        Path home = Files.createTempDirectory(Path.of("/tmp"), "gs");
        try {
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Path root = Files.writeString(home.resolve("root.pem"), TestPki.pem(pki.root()));
            run(home, "gpgsm", "--homedir", home.toString(), "--batch", "--import", root.toString());
            String fingerprint = java.util.HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(pki.root().getEncoded()));
            Files.writeString(home.resolve("trustlist.txt"), fingerprint + " S\n");
            return run(home, "gpgsm", "--homedir", home.toString(), "--batch", "--disable-crl-checks", "--disable-policy-checks",
                "--verify", signature.toString(), content.toString());
        } finally {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").start().waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Runs a command, returns stdout+stderr, fails the test on a non-zero exit. */
    public static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    public static MimeMessage innerEntity(byte[] decrypted) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(decrypted));
    }

    public static PrivateKey keyOf(TestCredential credential) {
        return credential.privateKey();
    }

    private ExternalVerifiers() {
    }
}
