package org.hostedsmime.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoveSmimeVerdictHeadersTest {
    private RemoveSmimeVerdictHeaders mailet;

    @BeforeEach
    void setUp() throws Exception {
        mailet = new RemoveSmimeVerdictHeaders();
        mailet.init(FakeMailetConfig.builder().mailetName("RemoveSmimeVerdictHeaders").build());
    }

    private static FakeMail.Builder mailWithForgedHeaders() throws Exception {
        return FakeMail.builder()
            .name("forged")
            .sender("mallory@outside.example")
            .recipient("alice@example.org")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("X-Smime-Signature", "valid; signer=ceo@example.org")
                .addHeader("X-Smime-Encryption", "decrypted")
                .addHeader("X-Smime-Options", "none")
                .setSubject("pay this")
                .setText("body"));
    }

    @Test
    void removesVerdictHeadersAndOptionsFromUnauthenticatedMail() throws Exception {
        Mail mail = mailWithForgedHeaders().build();

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Smime-Signature")).isNull();
        assertThat(mail.getMessage().getHeader("X-Smime-Encryption")).isNull();
        assertThat(mail.getMessage().getHeader("X-Smime-Options")).isNull();
        assertThat(mail.getMessage().getSubject()).isEqualTo("pay this");
    }

    @Test
    void keepsOptionsButNotVerdictsForAuthenticatedSenders() throws Exception {
        Mail mail = mailWithForgedHeaders()
            .attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice@example.org")))
            .build();

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Smime-Options")).containsExactly("none");
        assertThat(mail.getMessage().getHeader("X-Smime-Signature")).isNull();
        assertThat(mail.getMessage().getHeader("X-Smime-Encryption")).isNull();
    }
}
