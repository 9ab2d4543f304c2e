package org.hostedsmime.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import javax.mail.internet.MimeUtility;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hostedsmime.core.hosting.ServerTrustAnchors;
import org.hostedsmime.core.hosting.TrustMaterials;
import org.hostedsmime.core.inbound.InboundDecryption;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.memory.MemoryDomainTrustStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

class SmimeDecryptTest {
    /** Cassandra is down: nothing about the recipient's domain can be read. */
    static class UnavailableStore extends MemoryDomainTrustStore {
        @Override
        public Publisher<Boolean> isEnabled(Domain domain) {
            return Mono.error(new SmimeException(ProblemType.STORE_UNAVAILABLE, "Cassandra is unavailable"));
        }
    }

    private FakeMailContext context;
    private SmimeDecrypt mailet;

    @BeforeEach
    void setUp() throws Exception {
        context = FakeMailContext.defaultContext();
        mailet = new SmimeDecrypt(new InboundDecryption(null, null, new TrustMaterials(new UnavailableStore(), ServerTrustAnchors.NONE)));
        mailet.init(FakeMailetConfig.builder().mailetName("SmimeDecrypt").mailetContext(context)
            .setProperty("storeRetries", "2").setProperty("storeRetryDelay", "1s").build());
    }

    private static FakeMail.Builder encryptedForAlice() throws Exception {
        return FakeMail.builder().name("encrypted")
            .sender("carol@partner.example")
            .recipient("alice@example.org")
            .state("local-delivery")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addHeader("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m")
                .addHeader("Content-Transfer-Encoding", "base64")
                .setText("MIAGCSqGSIb3DQEHA6CAMIACAQAxgg==", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m"));
    }

    @Test
    void theMailWaitsAndComesBackToTheSameProcessorWhileTheStoreIsDown() throws Exception {
        Mail mail = encryptedForAlice().build();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getSentMails()).hasSize(1);
        FakeMailContext.SentMail retried = context.getSentMails().get(0);
        assertThat(retried.getState()).isEqualTo("local-delivery");
        assertThat(retried.getDelay()).isPresent();
        assertThat(retried.getAttributes().get(StoreOutageRetry.ATTEMPTS).getValue().value()).isEqualTo(1);
    }

    @Test
    void whenTheRetriesAreUsedUpItIsDeliveredStillEncryptedSayingTheStoreWasDown() throws Exception {
        Mail mail = encryptedForAlice()
            .attribute(new Attribute(StoreOutageRetry.ATTEMPTS, AttributeValue.of(2)))
            .build();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo("local-delivery");
        assertThat(context.getSentMails()).isEmpty();
        Map<String, String> headers = mail.getPerRecipientSpecificHeaders().getHeadersForRecipient(new MailAddress("alice@example.org"))
            .stream().collect(Collectors.toMap(PerRecipientHeaders.Header::getName, PerRecipientHeaders.Header::getValue));
        assertThat(headers.get("X-Smime-Encryption")).isEqualTo("no-key");
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(headers.get("X-Smime-Encryption-Description"))))
            .contains("key store was unavailable");
        assertThat(mail.getMessage().getContentType()).startsWith("application/pkcs7-mime");
    }
}
