package org.hostedsmime.it.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostedsmime.it.inbound.TestMessages.bcEncrypted;
import static org.hostedsmime.it.inbound.TestMessages.bcSigned;
import static org.hostedsmime.it.inbound.TestMessages.plain;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbound mailets' parameters: Chinese descriptions, and keeping the encrypted original next to the plaintext. */
class InboundOptionsTest {
    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder()
        .editConf("mailetcontainer.xml", conf -> conf
            .replace("<language>en</language>", "<language>zh-CN</language>")
            .replace("<keepEncryptedOriginal>false</keepEncryptedOriginal>", "<keepEncryptedOriginal>true</keepEncryptedOriginal>"))
        .build();

    private static final TestPki PKI = TestPki.create("Inbound options");

    @Test
    void descriptionsAreInChineseAndTheCiphertextIsKept(GuiceJamesServer guiceJamesServer) throws Exception {
        RunningJames server = new RunningJames(guiceJamesServer);
        SmimeAdmin admin = new SmimeAdmin(server).enableDomain("example.org", PKI);
        TestCredential alice = PKI.smimeLeaf("alice@example.org").build();
        admin.host("alice@example.org", alice);
        admin.settings("alice@example.org", "{\"sign\": true}");
        byte[] signed = bcSigned(plain("bob@example.org", "alice@example.org", "zh", "你好"), PKI.smimeLeaf("bob@example.org").build());
        byte[] encrypted = bcEncrypted(signed, false, alice);

        try (SmtpClient smtp = server.smtp()) {
            smtp.send("bob@outside.example", List.of("alice@example.org"), encrypted);
        }

        try (ImapClient imap = server.imapAs("alice@example.org").awaitMessages("INBOX", 1)) {
            MimeMessage received = TestMessages.parse(imap.fetchMessage(1));
            assertThat(MimeUtility.decodeText(MimeUtility.unfold(received.getHeader("X-Smime-Signature-Description")[0])))
                .isEqualTo("数字签名有效。");
            assertThat(MimeUtility.decodeText(MimeUtility.unfold(received.getHeader("X-Smime-Encryption-Description")[0])))
                .isEqualTo("此邮件为加密邮件，已使用您的证书解密。");
            assertThat(received.getContentType()).startsWith("multipart/mixed");
            MimeMultipart parts = (MimeMultipart) received.getContent();
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("multipart/signed");
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("smime.p7m");
            assertThat(parts.getBodyPart(1).getContentType()).contains("application/pkcs7-mime");
            byte[] kept = parts.getBodyPart(1).getInputStream().readAllBytes();
            assertThat(kept).isEqualTo(TestMessages.parse(encrypted).getInputStream().readAllBytes());
            assertThat(new String(imap.fetchMessage(1), StandardCharsets.UTF_8)).contains("X-Smime-Signature: valid;");
        }
    }
}
