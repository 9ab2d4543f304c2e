package org.hostedsmime.it.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.awaitility.Awaitility;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeAdmin;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.SmtpSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When a store fails while a mail is being encrypted, the mail is kept in the error repository and nothing goes out. */
class OutboundStoreFailureTest {
    static final SmtpSink OUTSIDE = new SmtpSink();

    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder()
        .relayTo(OUTSIDE)
        .editConf("extensions.properties", conf -> conf.replace("org.hostedsmime.app.guice.SmimeMemoryModule",
            FailingKeyDirectoryModule.class.getName()))
        .build();

    private static final TestPki PKI = TestPki.create("Store failure");
    private static final String SMIME_ERROR = URLEncoder.encode("var/mail/smime-error/", StandardCharsets.UTF_8);

    @Test
    void mailThatCannotBeEncryptedGoesToTheErrorRepositoryAndNowhereElse(GuiceJamesServer guiceJamesServer) throws Exception {
        RunningJames server = new RunningJames(guiceJamesServer);
        SmimeAdmin admin = new SmimeAdmin(server).enableDomain("example.org", PKI);
        admin.host("alice@example.org", PKI.smimeLeaf("alice@example.org").build());
        admin.settings("alice@example.org", "{\"sign\": true, \"encrypt\": true}");

        try (SmtpClient smtp = server.smtpAs("alice@example.org")) {
            smtp.send("alice@example.org", List.of("bob@outside.example"),
                "From: alice@example.org\r\nTo: bob@outside.example\r\nSubject: confidential\r\n\r\nThe secret recipe.\r\n");
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given(server.webAdmin()).get("/mailRepositories/" + SMIME_ERROR + "/mails").then().statusCode(200).body("", hasSize(1)));
        Thread.sleep(1500);
        assertThat(OUTSIDE.received()).isEmpty();
        String key = given(server.webAdmin()).get("/mailRepositories/" + SMIME_ERROR + "/mails").then().extract().path("[0]");
        String kept = given(server.webAdmin()).accept("message/rfc822")
            .get("/mailRepositories/" + SMIME_ERROR + "/mails/" + key).then().statusCode(200).extract().asString();
        assertThat(kept).contains("The secret recipe.");
    }
}
