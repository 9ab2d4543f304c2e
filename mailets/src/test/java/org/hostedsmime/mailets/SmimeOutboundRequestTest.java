package org.hostedsmime.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.hosting.SmimeSettingsService;
import org.hostedsmime.memory.MemorySmimeSettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmimeOutboundRequestTest {
    private SmimeOutboundRequest mailet;

    @BeforeEach
    void setUp() throws Exception {
        // No settings stored: alice signs and encrypts nothing unless her client asks for it.
        mailet = new SmimeOutboundRequest(new SmimeSettingsService(new MemorySmimeSettingsStore(), null, null));
        mailet.init(FakeMailetConfig.builder().mailetName("SmimeOutboundRequest").build());
    }

    private static FakeMail.Builder fromAlice(MimeMessageBuilder message) throws Exception {
        return FakeMail.builder()
            .name("report")
            .sender("alice@example.org")
            .recipient("bob@partner.example")
            .attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice@example.org")))
            .mimeMessage(message);
    }

    private static String decision(Mail mail) {
        return AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.OUTBOUND_REQUEST, String.class).orElseThrow();
    }

    @Test
    void theClientsOptionWinsAndNeverLeavesTheServer() throws Exception {
        Mail mail = fromAlice(MimeMessageBuilder.mimeMessageBuilder().addHeader("X-Smime-Options", "encrypt").setText("secret")).build();

        mailet.service(mail);

        assertThat(decision(mail)).isEqualTo("encrypt");
        assertThat(mail.getMessage().getHeader("X-Smime-Options")).isNull();
    }

    @Test
    void aReprocessedMailIsDecidedWithTheOptionItArrivedWith() throws Exception {
        Mail mail = fromAlice(MimeMessageBuilder.mimeMessageBuilder().addHeader("X-Smime-Options", "encrypt").setText("secret")).build();
        mailet.service(mail);

        // The store failed further down: the mail went to the error repository and comes back to transport.
        mail.removeAttribute(SmimeAttributes.OUTBOUND_REQUEST);
        mailet.service(mail);

        assertThat(decision(mail)).isEqualTo("encrypt");
    }

    @Test
    void withoutOptionTheSettingsDecide() throws Exception {
        Mail mail = fromAlice(MimeMessageBuilder.mimeMessageBuilder().setText("hello")).build();

        mailet.service(mail);

        assertThat(decision(mail)).isEqualTo("none");
    }

    @Test
    void unauthenticatedMailIsLeftAlone() throws Exception {
        Mail mail = FakeMail.builder().name("in").sender("carol@partner.example").recipient("alice@example.org")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setText("hello")).build();

        mailet.service(mail);

        assertThat(mail.getAttribute(SmimeAttributes.OUTBOUND_REQUEST)).isEmpty();
    }
}
