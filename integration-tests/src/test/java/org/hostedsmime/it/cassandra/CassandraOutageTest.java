package org.hostedsmime.it.cassandra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.awaitility.Awaitility;
import org.hostedsmime.cassandra.SmimeCassandraSchema;
import org.hostedsmime.cassandra.testing.CassandraNodeExtension;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.ImapClient;
import org.hostedsmime.it.harness.ProjectConfiguration;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeAdmin;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.SmtpSink;
import org.hostedsmime.it.outbound.ExternalVerifiers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cassandra process is killed while 200 encrypted mails go through, then started again: WebAdmin answers
 * 503 meanwhile, outbound mail waits in the error repository (never sent unencrypted) and goes out encrypted
 * once reprocessed, inbound mail waits in the queue and is decrypted once the store is back. 0 lost, 0 leaked.
 */
class CassandraOutageTest {
    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraOutageTest.class);
    private static final int MAILS = 200;
    private static final String SECRET = "QUARTERLY-SECRET-";

    @RegisterExtension
    @Order(1)
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);

    static final SmtpSink OUTSIDE = new SmtpSink();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = SmimeJamesServerExtension.builder()
        .cassandra(() -> cassandra.host() + ":" + cassandra.port(), cassandra::keyspace)
        .relayTo(OUTSIDE)
        .editConf("mailetcontainer.xml", conf -> conf.replace("<language>en</language>",
            "<language>en</language>\n                <storeRetries>12</storeRetries>\n                <storeRetryDelay>1s</storeRetryDelay>"))
        .build();

    private static final TestPki PKI = TestPki.create("Cassandra outage");
    private static final String SMIME_ERROR = URLEncoder.encode("var/mail/smime-error/", StandardCharsets.UTF_8);

    @Test
    void twoHundredMailsThroughAnOutageNoneLostNoneLeaked(GuiceJamesServer guiceJamesServer) throws Exception {
        RunningJames server = new RunningJames(guiceJamesServer);
        SmimeAdmin admin = new SmimeAdmin(server).enableDomain("example.org", PKI);
        TestCredential alice = PKI.smimeLeaf("alice@example.org").build();
        TestCredential bob = PKI.smimeLeaf("bob@partner.example").build();
        admin.host("alice@example.org", alice).settings("alice@example.org", "{\"sign\": true, \"encrypt\": true}");
        admin.importToDirectory(bob);

        try {
            sendThroughAnOutage(server, alice);
        } finally {
            if (!cassandraIsRunning()) {
                startCassandra();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            given(server.webAdmin()).get("/smime/users/alice@example.org/certificates").then().statusCode(200));

        // What could not be sent while the store was down waits in the error repository only: send it now.
        String task = given(server.webAdmin())
            .queryParam("action", "reprocess").queryParam("processor", "transport")
            .patch("/mailRepositories/" + SMIME_ERROR + "/mails").then().statusCode(201).extract().path("taskId");
        given(server.webAdmin()).get("/tasks/" + task + "/await").then().statusCode(200).body("status", equalTo("completed"));

        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
            .until(() -> OUTSIDE.messagesFor("bob@partner.example").size() >= MAILS);
        List<SmtpSink.Received> toBob = OUTSIDE.messagesFor("bob@partner.example");
        Set<String> subjects = toBob.stream().map(message -> subject(message.data())).collect(Collectors.toSet());
        assertThat(subjects).hasSize(MAILS);
        long leaked = toBob.stream().filter(message -> message.text().contains(SECRET)).count();
        assertThat(leaked).as("plaintext leaks").isZero();
        for (SmtpSink.Received message : toBob) {
            assertThat(ExternalVerifiers.parse(message.data()).getContentType()).contains("application/pkcs7-mime");
        }
        assertThat(new String(ExternalVerifiers.decryptWithBouncyCastle(toBob.get(toBob.size() - 1).data(), bob), StandardCharsets.UTF_8))
            .contains(SECRET);
        given(server.webAdmin()).get("/mailRepositories/" + SMIME_ERROR + "/mails").then().statusCode(200).body("size()", equalTo(0));
        LOGGER.info("{} mails through the outage: {} delivered encrypted, {} messages on the wire, {} leaked",
            MAILS, subjects.size(), toBob.size(), leaked);

        try (ImapClient imap = server.imapAs("alice@example.org").awaitMessages("INBOX", 1)) {
            MimeMessage inbound = ExternalVerifiers.parse(imap.fetchMessage(1));
            assertThat(MimeUtility.unfold(inbound.getHeader("X-Smime-Encryption")[0])).isEqualTo("decrypted");
            assertThat(inbound.getContent().toString()).contains("arrived during the outage");
        }
    }

    private static void sendThroughAnOutage(RunningJames server, TestCredential alice) throws Exception {
        for (int i = 0; i < MAILS; i++) {
            if (i == 60) {
                killCassandra();
                given(server.webAdmin()).get("/smime/users/alice@example.org/certificates").then()
                    .statusCode(503).body("type", equalTo("store-unavailable"));
                deliverEncryptedTo(server, alice, "arrived during the outage");
            }
            if (i == 140) {
                startCassandra();
            }
            try (SmtpClient smtp = server.smtpAs("alice@example.org")) {
                smtp.send("alice@example.org", List.of("bob@partner.example"), "From: alice@example.org\r\nTo: bob@partner.example\r\n"
                    + "Subject: report " + i + "\r\nMessage-ID: <report-" + i + "@example.org>\r\n\r\n" + SECRET + i + "\r\n");
            }
        }
    }

    private static boolean cassandraIsRunning() {
        try {
            Path pidFile = cassandraHome().resolve("cassandra.pid");
            return Files.exists(pidFile)
                && ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(byte[] message) {
        try {
            return ExternalVerifiers.parse(message).getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deliverEncryptedTo(RunningJames server, TestCredential recipient, String text) throws Exception {
        byte[] plain = ("From: carol@partner.example\r\nTo: alice@example.org\r\nSubject: inbound\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain\r\n\r\n" + text + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] encrypted = org.hostedsmime.it.inbound.TestMessages.bcEncrypted(plain, false, recipient);
        try (SmtpClient smtp = server.smtp()) {
            smtp.send("carol@partner.example", List.of("alice@example.org"), encrypted);
        }
    }

    private static Path projectRoot() {
        return ProjectConfiguration.projectConfDirectory().getParent();
    }

    /** Where scripts/cassandra.sh keeps the node: {@code CASSANDRA_HOME_DIR}, as for the script itself. */
    private static Path cassandraHome() {
        return Optional.ofNullable(System.getenv("CASSANDRA_HOME_DIR")).map(Path::of)
            .orElseGet(() -> projectRoot().resolve("target/cassandra"));
    }

    private static void killCassandra() throws Exception {
        Path pidFile = cassandraHome().resolve("cassandra.pid");
        String pid = Files.readString(pidFile).trim();
        LOGGER.info("Killing Cassandra (pid {})", pid);
        new ProcessBuilder("kill", "-9", pid).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false));
    }

    private static void startCassandra() throws Exception {
        LOGGER.info("Starting Cassandra again");
        Process start = new ProcessBuilder(projectRoot().resolve("scripts/cassandra.sh").toString(), "start")
            .directory(projectRoot().toFile()).redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(start.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(start.exitValue()).as(output).isZero();
    }
}
