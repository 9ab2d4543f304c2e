package org.hostedsmime.it.inbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.hostedsmime.core.cms.SigningIdentity;
import org.hostedsmime.core.cms.SmimeEncryptor;
import org.hostedsmime.core.cms.SmimeResult;
import org.hostedsmime.core.cms.SmimeSigner;
import org.hostedsmime.core.directory.CertificateSource;
import org.hostedsmime.core.directory.RecipientCertificate;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;

/**
 * Signed and encrypted messages as other people's software makes them: Bouncy Castle (through this
 * project's signer and encryptor, as any BC-based client) and the OpenSSL command line.
 */
public final class TestMessages {
    private final Path directory;

    TestMessages(Path directory) {
        this.directory = directory;
    }

    static String plain(String from, String to, String subject, String body) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject.replace(' ', '.') + "@test>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + body + "\r\n";
    }

    static String withAttachment(String from, String to, String subject) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"mixed\"\r\n\r\n"
            + "--mixed\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "The contract is attached. Gr=C3=BC=C3=9Fe\r\n"
            + "--mixed\r\nContent-Type: application/pdf; name=\"contract.pdf\"\r\nContent-Disposition: attachment; filename=\"contract.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK\r\n--mixed--\r\n";
    }

    static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Signed with Bouncy Castle, the signer's chain (without root) included. */
    static byte[] bcSigned(String message, TestCredential signer) throws Exception {
        try (SmimeResult result = new SmimeSigner(SmimeSigner.RsaSignatureScheme.PKCS1_V1_5)
            .sign(parse(message.getBytes(StandardCharsets.UTF_8)), new SigningIdentity(signer.privateKey(), signer.certificate(), signer.issuersOnly()))) {
            return bytes(result.message());
        }
    }

    /** Encrypted with Bouncy Castle for the given certificates (AES-256-CBC, or GCM when {@code gcm}). */
    public static byte[] bcEncrypted(byte[] message, boolean gcm, TestCredential... recipients) throws Exception {
        SmimeCapabilities capabilities = gcm ? SmimeCapabilities.ofThisServer() : SmimeCapabilities.NONE;
        List<RecipientCertificate> to = java.util.Arrays.stream(recipients)
            .map(recipient -> new RecipientCertificate("r", recipient.certificate(), CertificateSource.COLLECTED, capabilities)).toList();
        return bytes(new SmimeEncryptor(SmimeEncryptor.ContentCipher.AES_256_CBC, true).encrypt(parse(message), to));
    }

    /** {@code openssl smime -sign -text} (detached unless {@code opaque}), with the given digest. */
    byte[] opensslSigned(String from, String to, String subject, String body, TestCredential signer, String digest, boolean opaque)
        throws Exception {
        Path content = Files.writeString(directory.resolve("content-" + System.nanoTime() + ".txt"), body + "\n");
        Path certificate = Files.writeString(Files.createTempFile(directory, "signer", ".pem"), signer.certificatePem());
        Path key = Files.writeString(Files.createTempFile(directory, "signer", ".key"), signer.privateKeyPkcs8Pem());
        Path chain = Files.writeString(Files.createTempFile(directory, "chain", ".pem"),
            signer.issuersOnly().isEmpty() ? "" : TestPki.pem(signer.issuersOnly()));
        Path out = directory.resolve("signed-" + System.nanoTime() + ".eml");
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "smime", "-sign", "-in", content.toString(),
            "-signer", certificate.toString(), "-inkey", key.toString(), "-md", digest,
            "-text", "-from", from, "-to", to, "-subject", subject, "-out", out.toString()));
        if (!signer.issuersOnly().isEmpty()) {
            command.addAll(List.of("-certfile", chain.toString()));
        }
        if (opaque) {
            command.add("-nodetach");
        }
        run(command);
        return Files.readAllBytes(out);
    }

    /** {@code openssl smime -encrypt -aes256} of a whole MIME entity for the recipient. */
    byte[] opensslEncrypted(String headers, String entity, TestCredential recipient) throws Exception {
        Path in = Files.writeString(directory.resolve("entity-" + System.nanoTime() + ".eml"), entity);
        Path certificate = Files.writeString(Files.createTempFile(directory, "recipient", ".pem"), recipient.certificatePem());
        Path out = directory.resolve("encrypted-" + System.nanoTime() + ".eml");
        run(List.of("openssl", "smime", "-encrypt", "-aes256", "-binary", "-in", in.toString(), "-out", out.toString(), certificate.toString()));
        return (headers + new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
