package org.hostedsmime.matchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.hostedsmime.core.SmimeAttributes;
import org.junit.jupiter.api.Test;

class OutboundMatchersTest {
    private static Mail mail(Attribute... attributes) throws Exception {
        FakeMail.Builder builder = FakeMail.builder().name("m").recipients("bob@outside.example", "carol@outside.example");
        for (Attribute attribute : attributes) {
            builder.attribute(attribute);
        }
        return builder.build();
    }

    private static Attribute request(String value) {
        return new Attribute(SmimeAttributes.OUTBOUND_REQUEST, AttributeValue.of(value));
    }

    private static <T extends org.apache.mailet.base.GenericMatcher> T init(T matcher) throws Exception {
        matcher.init(FakeMatcherConfig.builder().matcherName(matcher.getClass().getSimpleName()).build());
        return matcher;
    }

    @Test
    void signMatcherMatchesOnlySignRequests() throws Exception {
        SenderSmimeSignEnabled matcher = init(new SenderSmimeSignEnabled());

        assertThat(matcher.match(mail(request("sign")))).hasSize(2);
        assertThat(matcher.match(mail(request("encrypt")))).isEmpty();
        assertThat(matcher.match(mail(request("none")))).isEmpty();
        assertThat(matcher.match(mail())).isEmpty();
    }

    @Test
    void encryptMatcherMatchesOnlyEncryptRequests() throws Exception {
        SenderSmimeEncryptEnabled matcher = init(new SenderSmimeEncryptEnabled());

        assertThat(matcher.match(mail(request("encrypt")))).hasSize(2);
        assertThat(matcher.match(mail(request("sign")))).isEmpty();
        assertThat(matcher.match(mail())).isEmpty();
    }

    @Test
    void recipientsWithoutKeyAreTheListedOnes() throws Exception {
        RecipientsWithoutSmimeKey matcher = init(new RecipientsWithoutSmimeKey());
        Attribute missing = new Attribute(SmimeAttributes.RECIPIENTS_WITHOUT_KEY,
            AttributeValue.of(List.<AttributeValue<?>>of(AttributeValue.of("Carol@Outside.Example"))));

        assertThat(matcher.match(mail(missing))).containsExactly(new MailAddress("carol@outside.example"));
        assertThat(matcher.match(mail())).isEmpty();
    }
}
