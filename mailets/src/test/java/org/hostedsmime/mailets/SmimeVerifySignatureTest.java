package org.hostedsmime.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.hostedsmime.core.cms.SigningIdentity;
import org.hostedsmime.core.cms.SmimeResult;
import org.hostedsmime.core.cms.SmimeSigner;
import org.hostedsmime.core.hosting.ServerTrustAnchors;
import org.hostedsmime.core.hosting.TrustMaterials;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.memory.MemoryDomainTrustStore;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

class SmimeVerifySignatureTest {
    private static final TestPki PKI = TestPki.create("Verify mailet");
    private static final Domain FIRST = Domain.of("a.example");
    private static final Domain DOWN = Domain.of("b.example");

    /** Cassandra answers for the first domain, then goes away before the second one's trust is read. */
    static class StoreGoingDownHalfWay extends MemoryDomainTrustStore {
        @Override
        public Publisher<X509Certificate> trustAnchors(Domain domain) {
            if (domain.equals(DOWN)) {
                return Mono.error(new SmimeException(ProblemType.STORE_UNAVAILABLE, "Cassandra is unavailable"));
            }
            return super.trustAnchors(domain);
        }
    }

    @Test
    void anOutageHalfWayLeavesNoVerdictOnTheMailThatIsRetried() throws Exception {
        StoreGoingDownHalfWay store = new StoreGoingDownHalfWay();
        for (Domain domain : new Domain[] {FIRST, DOWN}) {
            Mono.from(store.setEnabled(domain, true)).block();
            Mono.from(store.addTrustAnchor(domain, PKI.root())).block();
        }
        FakeMailContext context = FakeMailContext.defaultContext();
        SmimeVerifySignature mailet = new SmimeVerifySignature(new TrustMaterials(store, ServerTrustAnchors.NONE), Clock.systemUTC());
        mailet.init(FakeMailetConfig.builder().mailetName("SmimeVerifySignature").mailetContext(context)
            .setProperty("storeRetries", "3").setProperty("storeRetryDelay", "1s").build());
        Mail mail = FakeMail.builder().name("signed")
            .sender("bob@outside.example")
            .recipients("alice@a.example", "carol@b.example")
            .mimeMessage(signed(PKI.smimeLeaf("bob@outside.example").build()))
            .state("local-delivery")
            .build();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getSentMails()).hasSize(1);
        assertThat(context.getSentMails().get(0).getState()).isEqualTo("local-delivery");
        // The retried copy was duplicated from this mail: it must not carry a first, partial verdict.
        assertThat(mail.getPerRecipientSpecificHeaders().getRecipientsWithSpecificHeaders()).isEmpty();
    }

    private static MimeMessage signed(TestCredential signer) throws Exception {
        String text = "From: bob@outside.example\r\nTo: alice@a.example, carol@b.example\r\nSubject: hi\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nsee you at 3pm\r\n";
        MimeMessage plain = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        try (SmimeResult result = new SmimeSigner(SmimeSigner.RsaSignatureScheme.PKCS1_V1_5)
            .sign(plain, new SigningIdentity(signer.privateKey(), signer.certificate(), signer.issuersOnly()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            result.message().writeTo(out);
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
        }
    }
}
