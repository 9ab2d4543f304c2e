package org.hostedsmime.it.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hostedsmime.it.inbound.TestMessages.bcEncrypted;
import static org.hostedsmime.it.inbound.TestMessages.bcSigned;
import static org.hostedsmime.it.inbound.TestMessages.plain;
import static org.hostedsmime.it.inbound.TestMessages.withAttachment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimeUtility;

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
 * Mail from outside arrives over SMTP without authentication; local users read it over IMAP. Every verdict is
 * asserted on what an IMAP client sees.
 */
class InboundSmimeTest {
    static final SmtpSink OUTSIDE = new SmtpSink();

    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder().relayTo(OUTSIDE).build();

    static final String DOMAIN = "example.org";
    static final TestPki ORGANISATION = TestPki.create("Inbound org");
    static final TestPki PARTNER = TestPki.create("Inbound partner");
    static final TestPki STRANGER = TestPki.create("Inbound stranger");
    static final TestCredential BOB = PARTNER.smimeLeaf("bob@outside.example").build();
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    Path directory;

    private RunningJames server;
    private SmimeAdmin admin;
    private TestMessages messages;
    private String user;
    private TestCredential userCredential;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer);
        admin = new SmimeAdmin(server).enableDomain(DOMAIN, ORGANISATION);
        given(server.webAdmin()).contentType("application/x-pem-file").body(TestPki.pem(PARTNER.root()))
            .post("/smime/domains/" + DOMAIN + "/trust-anchors").then().statusCode(201);
        messages = new TestMessages(directory);
        user = "user" + USERS.incrementAndGet() + "@" + DOMAIN;
        userCredential = ORGANISATION.smimeLeaf(user).build();
        admin.host(user, userCredential);
        admin.settings(user, "{\"sign\": true}");
    }

    private MimeMessage deliver(String recipient, byte[] message) throws Exception {
        int before;
        try (ImapClient imap = server.imapAs(recipient)) {
            before = imap.messageCount("INBOX");
        }
        try (SmtpClient smtp = server.smtp()) {
            smtp.send("someone@outside.example", List.of(recipient), message);
        }
        try (ImapClient imap = server.imapAs(recipient).awaitMessages("INBOX", before + 1)) {
            return TestMessages.parse(imap.fetchMessage(before + 1));
        }
    }

    private MimeMessage deliver(byte[] message) throws Exception {
        return deliver(user, message);
    }

    private static String header(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        assertThat(values).as(name).isNotNull().hasSize(1);
        return MimeUtility.unfold(values[0]);
    }

    private static String description(MimeMessage message, String name) throws Exception {
        return MimeUtility.decodeText(header(message, name));
    }

    private static String verdict(MimeMessage message) throws Exception {
        return header(message, "X-Smime-Signature").split(";")[0];
    }

    @Test
    void bouncyCastleSignatureFromATrustedCaIsValid() throws Exception {
        MimeMessage received = deliver(bcSigned(plain("bob@outside.example", user, "valid bc", "Budget approved."), BOB));

        assertThat(header(received, "X-Smime-Signature")).isEqualTo("valid; signer=bob@outside.example; fingerprint=" + BOB.fingerprint()
            + "; reason=\"the signature is valid and its certificate is trusted\"");
        assertThat(description(received, "X-Smime-Signature-Description")).isEqualTo("The digital signature is valid.");
        assertThat(received.getContentType()).startsWith("multipart/signed");
    }

    @Test
    void opensslSignatureIsValid() throws Exception {
        MimeMessage received = deliver(messages.opensslSigned("bob@outside.example", user, "valid openssl", "Budget approved.", BOB, "sha256", false));

        assertThat(verdict(received)).isEqualTo("valid");
    }

    @Test
    void selfSignedCertificateIsUntrusted() throws Exception {
        TestCredential selfSigned = PARTNER.smimeLeaf("bob@outside.example").selfSigned().build();

        MimeMessage received = deliver(messages.opensslSigned("bob@outside.example", user, "self signed", "Hi.", selfSigned, "sha256", false));

        assertThat(verdict(received)).isEqualTo("untrusted");
        assertThat(description(received, "X-Smime-Signature-Description")).contains("untrusted source");
    }

    @Test
    void missingIntermediateIsUntrusted() throws Exception {
        TestCredential withoutIntermediate = new TestCredential(BOB.certificate(), BOB.privateKey(), List.of(BOB.certificate()));

        assertThat(verdict(deliver(bcSigned(plain("bob@outside.example", user, "no intermediate", "Hi."), withoutIntermediate)))).isEqualTo("untrusted");
    }

    @Test
    void oneChangedBodyByteIsTampered() throws Exception {
        String signed = new String(bcSigned(plain("bob@outside.example", user, "tampered", "Pay 100 EUR."), BOB), StandardCharsets.ISO_8859_1);

        MimeMessage received = deliver(signed.replace("Pay 100 EUR.", "Pay 900 EUR.").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(verdict(received)).isEqualTo("tampered");
        assertThat(description(received, "X-Smime-Signature-Description")).contains("may have been tampered with");
    }

    @Test
    void garbageSignatureIsCorrupt() throws Exception {
        String garbage = "From: bob@outside.example\r\nTo: " + user + "\r\nSubject: corrupt\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nTUlJR2FyYmFnZQ==\r\n--b--\r\n";

        MimeMessage received = deliver(garbage.getBytes(StandardCharsets.US_ASCII));

        assertThat(header(received, "X-Smime-Signature")).startsWith("corrupt; reason=");
    }

    @Test
    void revokedSignerCertificate() throws Exception {
        TestCredential revoked = PARTNER.smimeLeaf("bob@outside.example").issuedByRoot().build();
        given(server.webAdmin()).contentType("application/pkix-crl").body(TestPki.pem(PARTNER.rootCrl(revoked.certificate())))
            .post("/smime/domains/" + DOMAIN + "/crls").then().statusCode(201);

        MimeMessage received = deliver(bcSigned(plain("bob@outside.example", user, "revoked", "Hi."), revoked));

        assertThat(verdict(received)).isEqualTo("revoked");
        assertThat(description(received, "X-Smime-Signature-Description")).contains("revoked");
    }

    @Test
    void expiredSignerCertificate() throws Exception {
        TestCredential expired = PARTNER.smimeLeaf("bob@outside.example").expired().build();

        assertThat(verdict(deliver(messages.opensslSigned("bob@outside.example", user, "expired", "Hi.", expired, "sha256", false))))
            .isEqualTo("expired");
    }

    @Test
    void signatureByAnotherAddressThanTheSenderIsASignerMismatch() throws Exception {
        MimeMessage received = deliver(bcSigned(plain("ceo@example.org", user, "mismatch", "Wire the money."), BOB));

        assertThat(verdict(received)).isEqualTo("signer-mismatch");
    }

    @Test
    void sha1SignatureIsWeak() throws Exception {
        assertThat(verdict(deliver(messages.opensslSigned("bob@outside.example", user, "sha1", "Hi.", BOB, "sha1", false))))
            .isEqualTo("weak-algorithm");
    }

    @Test
    void opaqueSignedMailIsReadableAndStillVerifiable() throws Exception {
        MimeMessage received = deliver(messages.opensslSigned("bob@outside.example", user, "opaque", "Opaque but readable.", BOB, "sha256", true));

        assertThat(verdict(received)).isEqualTo("valid");
        assertThat(received.getContentType()).startsWith("multipart/signed");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("Opaque but readable.");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("smime.p7s");
    }

    @Test
    void forgedVerdictHeadersAreReplacedByTheRealVerdict() throws Exception {
        String signed = new String(bcSigned(plain("bob@outside.example", user, "forged verdict", "Pay 100 EUR."), BOB), StandardCharsets.ISO_8859_1)
            .replace("Pay 100 EUR.", "Pay 900 EUR.");
        String forged = "X-Smime-Signature: valid; signer=bob@outside.example\r\nX-Smime-Encryption: decrypted\r\n" + signed;

        MimeMessage received = deliver(forged.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(verdict(received)).isEqualTo("tampered");
        assertThat(received.getHeader("X-Smime-Encryption")).isNull();
    }

    @Test
    void mailEncryptedWithOpensslIsDecryptedWithItsStructureIntact() throws Exception {
        String headers = "From: bob@outside.example\r\nTo: " + user + "\r\nSubject: encrypted contract\r\n";
        String entity = withAttachment("bob@outside.example", user, "inner").substring(
            withAttachment("bob@outside.example", user, "inner").indexOf("Content-Type: multipart/mixed"));

        MimeMessage received = deliver(messages.opensslEncrypted(headers, entity, userCredential));

        assertThat(header(received, "X-Smime-Encryption")).isEqualTo("decrypted");
        assertThat(description(received, "X-Smime-Encryption-Description")).contains("decrypted with your certificate");
        assertThat(received.getSubject()).isEqualTo("encrypted contract");
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("The contract is attached. Grüße");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("contract.pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).startsWith("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void signedThenEncryptedMailIsDecryptedThenVerified() throws Exception {
        byte[] signed = bcSigned(plain("bob@outside.example", user, "signed and encrypted", "Both layers."), BOB);

        MimeMessage received = deliver(bcEncrypted(signed, true, userCredential));

        assertThat(header(received, "X-Smime-Encryption")).isEqualTo("decrypted");
        assertThat(verdict(received)).isEqualTo("valid");
        assertThat(((MimeMultipart) received.getContent()).getBodyPart(0).getContent()).isEqualTo("Both layers.\r\n");
    }

    @Test
    void mailEncryptedToAnOlderCertificateStillDecrypts() throws Exception {
        TestCredential newer = ORGANISATION.smimeLeaf(user).build();
        admin.host(user, newer);
        given(server.webAdmin()).put("/smime/users/" + user + "/certificates/" + newer.fingerprint() + "/default").then().statusCode(204);

        MimeMessage received = deliver(bcEncrypted(plain("bob@outside.example", user, "old key", "Sent to your old certificate.")
            .getBytes(StandardCharsets.US_ASCII), false, userCredential));

        assertThat(header(received, "X-Smime-Encryption")).isEqualTo("decrypted");
        assertThat(received.getContent()).isEqualTo("Sent to your old certificate.\r\n");
    }

    @Test
    void mailForAKeyThatIsNotHostedIsDeliveredUnchanged() throws Exception {
        TestCredential elsewhere = ORGANISATION.smimeLeaf(user).build();

        MimeMessage received = deliver(bcEncrypted(plain("bob@outside.example", user, "no key", "Secret.").getBytes(StandardCharsets.US_ASCII),
            false, elsewhere));

        assertThat(header(received, "X-Smime-Encryption")).isEqualTo("no-key");
        assertThat(received.getContentType()).contains("application/pkcs7-mime");
    }

    @Test
    void mailboxWithSmimeOffGetsTheProductsExplanation() throws Exception {
        String off = "off" + USERS.incrementAndGet() + "@" + DOMAIN;
        TestCredential offCredential = ORGANISATION.smimeLeaf(off).build();
        admin.host(off, offCredential);

        MimeMessage received = deliver(off, bcEncrypted(plain("bob@outside.example", off, "smime off", "Secret.")
            .getBytes(StandardCharsets.US_ASCII), false, offCredential));

        assertThat(header(received, "X-Smime-Encryption")).isEqualTo("smime-disabled");
        assertThat(description(received, "X-Smime-Encryption-Description"))
            .isEqualTo("This message cannot be decrypted because digital signatures and encryption (S/MIME) are not enabled for your mailbox. "
                + "If in doubt, contact your administrator.");
        assertThat(received.getContentType()).contains("application/pkcs7-mime");
    }

    @Test
    void domainWithSmimeOffGetsSmimeDisabled() throws Exception {
        server.user("carol@plain.example");

        MimeMessage received = deliver("carol@plain.example", bcEncrypted(plain("bob@outside.example", "carol@plain.example", "plain domain", "Secret.")
            .getBytes(StandardCharsets.US_ASCII), false, ORGANISATION.smimeLeaf("carol@plain.example").build()));

        assertThat(header(received, "X-Smime-Encryption")).isEqualTo("smime-disabled");
    }

    @Test
    void recipientsWithDifferentOutcomesEachGetTheirOwnCopy() throws Exception {
        String off = "off" + USERS.incrementAndGet() + "@" + DOMAIN;
        TestCredential offCredential = ORGANISATION.smimeLeaf(off).build();
        admin.host(off, offCredential);
        byte[] encrypted = bcEncrypted(plain("bob@outside.example", user + ", " + off, "two recipients", "For both of you.")
            .getBytes(StandardCharsets.US_ASCII), false, userCredential, offCredential);

        try (SmtpClient smtp = server.smtp()) {
            smtp.send("someone@outside.example", List.of(user, off), encrypted);
        }

        try (ImapClient imap = server.imapAs(user).awaitMessages("INBOX", 1)) {
            MimeMessage forUser = TestMessages.parse(imap.fetchMessage(1));
            assertThat(header(forUser, "X-Smime-Encryption")).isEqualTo("decrypted");
            assertThat(forUser.getContent()).isEqualTo("For both of you.\r\n");
        }
        try (ImapClient imap = server.imapAs(off).awaitMessages("INBOX", 1)) {
            MimeMessage forOff = TestMessages.parse(imap.fetchMessage(1));
            assertThat(header(forOff, "X-Smime-Encryption")).isEqualTo("smime-disabled");
            assertThat(forOff.getContentType()).contains("application/pkcs7-mime");
        }
    }

    @Test
    void aValidSignerIsCollectedAndCanBeEncryptedToWithNoManualStep() throws Exception {
        TestCredential dana = PARTNER.smimeLeaf("dana@partner.example").build();
        given(server.webAdmin()).get("/smime/directory/dana@partner.example").then().statusCode(404).body("type", equalTo("no-certificate"));

        deliver(bcSigned(plain("dana@partner.example", user, "hello from dana", "Let us exchange keys."), dana));

        given(server.webAdmin()).get("/smime/directory/dana@partner.example").then()
            .statusCode(200)
            .body("[0].fingerprint", equalTo(dana.fingerprint()))
            .body("[0].source", equalTo("collected"))
            .body("[0].status", equalTo("valid"))
            .body("[0].usable", equalTo(true))
            .body("[0].capabilities", hasItem("AES-256-GCM"));
        String chain = given(server.webAdmin()).accept("application/pem-certificate-chain")
            .get("/smime/directory/dana@partner.example/certificate").then().statusCode(200)
            .contentType("application/pem-certificate-chain").extract().asString();
        assertThat(chain).contains("BEGIN CERTIFICATE");

        admin.settings(user, "{\"sign\": true, \"encrypt\": true}");
        try (SmtpClient smtp = server.smtpAs(user)) {
            smtp.send(user, List.of("dana@partner.example"), plain(user, "dana@partner.example", "reply to dana", "Keys exchanged."));
        }
        byte[] sent = OUTSIDE.awaitMessage(message -> message.text().contains("Subject: reply to dana")).data();
        // Dana announced AES-256-GCM in her signature: the reply uses it.
        assertThat(TestMessages.parse(sent).getContentType()).contains("smime-type=authEnveloped-data");
    }

    @Test
    void untrustedSignersAreNeverCollected() throws Exception {
        TestCredential eve = STRANGER.smimeLeaf("eve@stranger.example").build();

        assertThat(verdict(deliver(bcSigned(plain("eve@stranger.example", user, "hello from eve", "Trust me."), eve)))).isEqualTo("untrusted");

        given(server.webAdmin()).get("/smime/directory/eve@stranger.example").then().statusCode(404);
    }

    @Test
    void encryptedMailFromALocalUserIsReadableByTheLocalRecipient() throws Exception {
        String sender = "sender" + USERS.incrementAndGet() + "@" + DOMAIN;
        admin.host(sender, ORGANISATION.smimeLeaf(sender).build());
        admin.settings(sender, "{\"sign\": true, \"encrypt\": true}");

        try (SmtpClient smtp = server.smtpAs(sender)) {
            smtp.send(sender, List.of(user), plain(sender, user, "internal", "Internal and encrypted."));
        }

        try (ImapClient imap = server.imapAs(user).awaitMessages("INBOX", 1)) {
            MimeMessage received = TestMessages.parse(imap.fetchMessage(1));
            assertThat(header(received, "X-Smime-Encryption")).isEqualTo("decrypted");
            assertThat(verdict(received)).isEqualTo("valid");
            assertThat(((MimeMultipart) received.getContent()).getBodyPart(0).getContent()).isEqualTo("Internal and encrypted.\r\n");
        }
    }
}
