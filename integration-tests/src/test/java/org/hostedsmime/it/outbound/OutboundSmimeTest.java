package org.hostedsmime.it.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostedsmime.it.outbound.ExternalVerifiers.decryptWithBouncyCastle;
import static org.hostedsmime.it.outbound.ExternalVerifiers.gpgsmVerify;
import static org.hostedsmime.it.outbound.ExternalVerifiers.innerEntity;
import static org.hostedsmime.it.outbound.ExternalVerifiers.opensslDecrypt;
import static org.hostedsmime.it.outbound.ExternalVerifiers.opensslVerify;
import static org.hostedsmime.it.outbound.ExternalVerifiers.parse;
import static org.hostedsmime.it.outbound.ExternalVerifiers.verifyWithBouncyCastle;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.ImapClient;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeAdmin;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.SmtpSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail submitted over SMTP AUTH to a real James, relayed to a capturing SMTP server standing for the
 * outside world, and checked there as the recipients' software would check it.
 */
class OutboundSmimeTest {
    static final SmtpSink OUTSIDE = new SmtpSink();

    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder().relayTo(OUTSIDE).build();

    static final String DOMAIN = "example.org";
    static final TestPki PKI = TestPki.create("Outbound");
    static final TestCredential BOB = PKI.smimeLeaf("bob@outside.example").build();
    static final String CAROL = "carol@outside.example";
    private static final AtomicInteger SENDERS = new AtomicInteger();

    @TempDir
    Path directory;

    private RunningJames server;
    private SmimeAdmin admin;
    private String sender;
    private TestCredential senderCredential;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer);
        admin = new SmimeAdmin(server).enableDomain(DOMAIN, PKI);
        admin.importToDirectory(BOB);
        sender = "sender" + SENDERS.incrementAndGet() + "@" + DOMAIN;
        senderCredential = PKI.smimeLeaf(sender).build();
        admin.host(sender, senderCredential);
    }

    private String message(String subject, List<String> recipients, String extraHeaders) {
        return "From: " + sender + "\r\n"
            + "To: " + String.join(", ", recipients) + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: <" + subject.replace(' ', '-') + "@example.org>\r\n"
            + extraHeaders
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + "Quarterly numbers attached. Grüße!\r\n";
    }

    private void send(String subject, List<String> recipients, String extraHeaders) throws Exception {
        try (SmtpClient smtp = server.smtpAs(sender)) {
            smtp.send(sender, recipients, message(subject, recipients, extraHeaders));
        }
    }

    private String noticeInSenderInbox() throws Exception {
        try (ImapClient imap = server.imapAs(sender).awaitMessages("INBOX", 1)) {
            return new String(imap.fetchMessage(1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String decodedText(String rawNotice) throws Exception {
        return (String) parse(rawNotice.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getContent();
    }

    @Test
    void signedMailVerifiesWithBouncyCastleOpensslAndGpgsm() throws Exception {
        admin.settings(sender, "{\"sign\": true}");

        send("signed only", List.of("dave@outside.example"), "");

        byte[] received = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: signed only")).data();
        MimeMessage message = parse(received);
        assertThat(message.getContentType()).startsWith("multipart/signed").contains("micalg=sha-256");
        assertThat(message.getSubject()).isEqualTo("signed only");
        assertThat(message.getMessageID()).isEqualTo("<signed-only@example.org>");
        assertThat((String) verifyWithBouncyCastle(received, senderCredential.certificate()).getContent().getContent())
            .isEqualTo("Quarterly numbers attached. Grüße!\r\n");
        assertThat(opensslVerify(directory, received, PKI)).contains("Verification successful");
        assertThat(gpgsmVerify(directory, received, PKI)).contains("Good signature").contains(sender);
    }

    @Test
    void encryptedMailDecryptsForTheRecipientWithOpensslAndTheSignatureInsideVerifies() throws Exception {
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true}");

        send("for bob only", List.of("bob@outside.example"), "");

        byte[] received = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: for bob only")).data();
        MimeMessage message = parse(received);
        assertThat(message.getContentType()).contains("application/pkcs7-mime").contains("smime-type=enveloped-data");
        assertThat(new String(received, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Quarterly numbers");

        byte[] decrypted = opensslDecrypt(directory, received, BOB);
        java.nio.file.Path signed = java.nio.file.Files.write(directory.resolve("inner.eml"), decrypted);
        assertThat(ExternalVerifiers.run(directory, "openssl", "cms", "-verify", "-in", signed.toString(), "-CAfile",
            java.nio.file.Files.writeString(directory.resolve("root.pem"), TestPki.pem(PKI.root())).toString()))
            .contains("Verification successful");
    }

    @Test
    void theSenderCanDecryptItsOwnCopy() throws Exception {
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true}");

        send("sent copy", List.of("bob@outside.example"), "");

        byte[] received = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: sent copy")).data();
        MimeMessage inner = innerEntity(decryptWithBouncyCastle(received, senderCredential));
        assertThat(inner.getContentType()).startsWith("multipart/signed");
        assertThat(((MimeMultipart) inner.getContent()).getBodyPart(0).getContent()).isEqualTo("Quarterly numbers attached. Grüße!\r\n");
        // A recipient that has no stored capabilities gets AES-CBC, not GCM.
        assertThat(parse(received).getContentType()).doesNotContain("authEnveloped");
    }

    @Test
    void missingKeyWithBounceSendsNothingToAnyoneAndListsTheAddresses() throws Exception {
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true}");

        send("bounce policy", List.of("bob@outside.example", CAROL, "erin@outside.example"), "");

        String notice = noticeInSenderInbox();
        String text = decodedText(notice);
        assertThat(text).contains("was not sent to anyone")
            .contains("    " + CAROL).contains("    erin@outside.example").doesNotContain("    bob@outside.example")
            .contains("缺少公钥的邮件地址");
        assertThat(notice).contains("Auto-Submitted: auto-replied");
        Thread.sleep(1500);
        assertThat(OUTSIDE.received()).noneMatch(received -> received.text().contains("bounce policy"));
    }

    @Test
    void missingKeyWithSignOnlySendsEverythingSignedNotEncrypted() throws Exception {
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true, \"missingKeyPolicy\": \"sign-only\"}");

        send("sign-only policy", List.of("bob@outside.example", CAROL), "");

        for (String recipient : List.of("bob@outside.example", CAROL)) {
            byte[] received = OUTSIDE.awaitMessage(message -> message.recipients().contains(recipient) && message.text().contains("sign-only policy")).data();
            assertThat(parse(received).getContentType()).startsWith("multipart/signed");
            verifyWithBouncyCastle(received, senderCredential.certificate());
        }
    }

    @Test
    void missingKeyWithSplitEncryptsWhereItCanAndSignsForTheOthers() throws Exception {
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true, \"missingKeyPolicy\": \"split\"}");

        send("split policy", List.of("bob@outside.example", CAROL), "");

        byte[] toBob = OUTSIDE.awaitMessage(message -> message.recipients().equals(List.of("bob@outside.example"))
            && new String(message.data(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Subject: split policy")).data();
        byte[] toCarol = OUTSIDE.awaitMessage(message -> message.recipients().equals(List.of(CAROL))
            && new String(message.data(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Subject: split policy")).data();
        assertThat(parse(toBob).getContentType()).contains("application/pkcs7-mime");
        assertThat(innerEntity(decryptWithBouncyCastle(toBob, BOB)).getContentType()).startsWith("multipart/signed");
        assertThat(parse(toCarol).getContentType()).startsWith("multipart/signed");
        verifyWithBouncyCastle(toCarol, senderCredential.certificate());
    }

    @Test
    void signOnlyOptionSkipsEncryptionForThisMessageAndNeverLeavesTheServer() throws Exception {
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true}");

        send("first contact", List.of(CAROL), "X-Smime-Options: sign-only\r\n");

        byte[] received = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: first contact")).data();
        assertThat(parse(received).getContentType()).startsWith("multipart/signed");
        assertThat(new String(received, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContainIgnoringCase("X-Smime-Options");
        verifyWithBouncyCastle(received, senderCredential.certificate());
    }

    @Test
    void encryptOptionEncryptsEvenWithTheSettingOff() throws Exception {
        send("encrypt this one", List.of("bob@outside.example"), "X-Smime-Options: encrypt\r\n");

        byte[] received = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: encrypt this one")).data();
        assertThat(parse(received).getContentType()).contains("application/pkcs7-mime");
        assertThat(new String(received, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContainIgnoringCase("X-Smime-Options");
        assertThat(innerEntity(decryptWithBouncyCastle(received, BOB)).getContentType()).startsWith("multipart/signed");
    }

    @Test
    void noneOptionSendsAsWrittenWithoutTheHeader() throws Exception {
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true}");

        send("plain please", List.of(CAROL), "X-Smime-Options: none\r\n");

        byte[] received = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: plain please")).data();
        String text = new String(received, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(parse(received).getContentType()).startsWith("text/plain");
        assertThat(text).doesNotContainIgnoringCase("X-Smime-Options").endsWith("Quarterly numbers attached. Grüße!\r\n");
    }

    @Test
    void mailWithoutSmimeSettingsIsSentAsWritten() throws Exception {
        send("untouched", List.of(CAROL), "");

        byte[] received = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: untouched")).data();
        // James's RemoteDelivery adds a Date header and moves MIME-Version; S/MIME changes nothing.
        assertThat(parse(received).getContentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(new String(received, java.nio.charset.StandardCharsets.UTF_8))
            .contains("From: " + sender + "\r\nTo: " + CAROL + "\r\nSubject: untouched\r\nMessage-ID: <untouched@example.org>\r\n")
            .endsWith("\r\n\r\nQuarterly numbers attached. Grüße!\r\n");
    }

    @Test
    void expiredSenderCertificateSendsNothingAndSaysWhy() throws Exception {
        String user = "expiring" + SENDERS.incrementAndGet() + "@" + DOMAIN;
        Instant now = Instant.now();
        admin.host(user, PKI.smimeLeaf(user).validity(now.minus(Duration.ofDays(1)), now.plusSeconds(4)).build());
        admin.settings(user, "{\"sign\": true}");
        Thread.sleep(Duration.between(Instant.now(), now.plusSeconds(5)).toMillis());
        sender = user;

        send("too late", List.of(CAROL), "");

        String text = decodedText(noticeInSenderInbox());
        assertThat(text).contains("your default certificate is expired").contains("您的默认证书已过期");
        Thread.sleep(1500);
        assertThat(OUTSIDE.received()).noneMatch(received -> received.text().contains("Subject: too late"));
    }

    @Test
    void deletedSenderCertificateSendsNothingAndSaysWhy() throws Exception {
        admin.settings(sender, "{\"sign\": true}");
        io.restassured.RestAssured.given(server.webAdmin())
            .delete("/smime/users/" + sender + "/certificates/" + senderCredential.fingerprint()).then().statusCode(204);

        send("no certificate", List.of(CAROL), "");

        assertThat(decodedText(noticeInSenderInbox())).contains("you have no default certificate").contains("您没有默认证书");
        Thread.sleep(1500);
        assertThat(OUTSIDE.received()).noneMatch(received -> received.text().contains("Subject: no certificate"));
    }
}
