package org.hostedsmime.it.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.ForkedJames;
import org.hostedsmime.it.harness.ProjectConfiguration;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.SmtpSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 50 MB message signed and encrypted by the embedded server running with {@code -Xmx512m}: the pipeline
 * streams (spooled files, Bouncy Castle's streaming generators) instead of holding copies of the message.
 */
class LargeMessageTest {
    private static final Logger LOGGER = LoggerFactory.getLogger(LargeMessageTest.class);
    private static final int ATTACHMENT_BYTES = 37 * 1024 * 1024; // about 50 MB once base64-encoded

    @TempDir
    Path workingDirectory;

    @Test
    void fiftyMegabytesAreSignedAndEncryptedWithinAHalfGigabyteHeap() throws Exception {
        TestPki pki = TestPki.create("Large");
        TestCredential alice = pki.smimeLeaf("alice@example.org").build();
        TestCredential bob = pki.smimeLeaf("bob@outside.example").build();
        byte[] attachment = new byte[ATTACHMENT_BYTES];
        new Random(42).nextBytes(attachment);
        String encodedAttachment = Base64.getMimeEncoder().encodeToString(attachment);
        String message = "From: alice@example.org\r\nTo: bob@outside.example\r\nSubject: big report\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            + "--b\r\nContent-Type: application/octet-stream; name=\"report.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + encodedAttachment + "\r\n--b--\r\n";
        assertThat(message.length()).isGreaterThan(50_000_000);

        try (SmtpSink outside = new SmtpSink();
             ForkedJames james = ForkedJames.start(workingDirectory, new ProjectConfiguration()
                 .edit("mailetcontainer.xml", conf -> conf.replace("<outgoingQueue>outgoing</outgoingQueue>",
                     "<outgoingQueue>outgoing</outgoingQueue><gateway>127.0.0.1</gateway><gatewayPort>" + outside.port() + "</gatewayPort>")),
                 "-Xmx512m", "-XX:+ExitOnOutOfMemoryError")) {
            given(james.webAdmin()).put("/domains/example.org").then().statusCode(204);
            given(james.webAdmin()).body("{\"password\":\"secret\"}").put("/users/alice@example.org").then().statusCode(204);
            given(james.webAdmin()).body("{\"enabled\":true}").put("/smime/domains/example.org").then().statusCode(204);
            given(james.webAdmin()).contentType("text/plain").body(TestPki.pem(pki.root()))
                .post("/smime/domains/example.org/trust-anchors").then().statusCode(201);
            given(james.webAdmin()).body(Map.of("pkcs12", Base64.getEncoder().encodeToString(alice.pkcs12("pw")), "password", "pw"))
                .post("/smime/users/alice@example.org/certificates").then().statusCode(201);
            given(james.webAdmin()).contentType("text/plain").body(bob.chainPem()).post("/smime/directory").then().statusCode(201);
            given(james.webAdmin()).body("{\"sign\":true,\"encrypt\":true}").put("/smime/users/alice@example.org/settings").then().statusCode(200);

            Instant start = Instant.now();
            try (SmtpClient smtp = SmtpClient.connect(james.smtpPort())) {
                smtp.authenticate("alice@example.org", "secret").send("alice@example.org", List.of("bob@outside.example"),
                    message.getBytes(StandardCharsets.US_ASCII));
            }
            byte[] received = outside.awaitMessageFor("bob@outside.example").data();
            LOGGER.info("50 MB signed and encrypted and relayed in {} ms; {} bytes on the wire",
                Duration.between(start, Instant.now()).toMillis(), received.length);
            assertThat(james.isAlive()).as("no OutOfMemoryError").isTrue();

            MimeMessage decrypted = ExternalVerifiers.innerEntity(ExternalVerifiers.decryptWithBouncyCastle(received, bob));
            MimeMultipart signed = (MimeMultipart) decrypted.getContent();
            MimeMultipart content = (MimeMultipart) signed.getBodyPart(0).getContent();
            MimeBodyPart report = (MimeBodyPart) content.getBodyPart(1);
            assertThat(sha256(report.getInputStream())).isEqualTo(MessageDigest.getInstance("SHA-256").digest(attachment));
            byte[] signedMessage = toBytes(decrypted);
            ExternalVerifiers.verifyWithBouncyCastle(signedMessage, alice.certificate());
        }
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    private static byte[] toBytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
