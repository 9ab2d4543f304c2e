package org.hostedsmime.it.cassandra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Path;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.hostedsmime.cassandra.SmimeCassandraSchema;
import org.hostedsmime.cassandra.testing.CassandraNodeExtension;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeAdmin;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.SmtpSink;
import org.hostedsmime.it.outbound.ExternalVerifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several James nodes share the S/MIME state: a certificate imported through one server, its settings and a
 * directory entry are there for the next server started on the same keyspace (with the same master key),
 * which signs with the persisted key.
 */
class CassandraPersistenceTest {
    @RegisterExtension
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);

    private static final TestPki PKI = TestPki.create("Cassandra persistence");

    @TempDir
    Path directory;

    @Test
    void certificatesSettingsAndDirectorySurviveARestartAndTheKeyStillSigns() throws Exception {
        SmtpSink outside = new SmtpSink();
        Path masterKey = directory.resolve("shared/master.key");
        SmimeJamesServerExtension.Builder builder = SmimeJamesServerExtension.builder()
            .cassandra(() -> cassandra.host() + ":" + cassandra.port(), cassandra::keyspace)
            .relayTo(outside)
            .editConf("smime.properties", conf -> conf.replace("masterKey.file=var/smime/master.key", "masterKey.file=" + masterKey));
        TestCredential alice = PKI.smimeLeaf("alice@example.org").build();
        TestCredential bob = PKI.smimeLeaf("bob@partner.example").build();

        GuiceJamesServer first = builder.newServer(directory.resolve("first"));
        first.start();
        try {
            RunningJames server = new RunningJames(first);
            SmimeAdmin admin = new SmimeAdmin(server).enableDomain("example.org", PKI);
            admin.host("alice@example.org", alice).settings("alice@example.org", "{\"sign\": true, \"encrypt\": true, \"missingKeyPolicy\": \"split\"}");
            admin.importToDirectory(bob);
        } finally {
            first.stop();
        }

        GuiceJamesServer second = builder.newServer(directory.resolve("second"));
        second.start();
        try {
            RunningJames server = new RunningJames(second);
            // James's own users and domains are in memory: the second server needs them again; S/MIME state is not re-created.
            server.user("alice@example.org");
            given(server.webAdmin()).get("/smime/domains/example.org").then().statusCode(200)
                .body("enabled", equalTo(true)).body("trustAnchors", hasSize(1));
            given(server.webAdmin()).get("/smime/users/alice@example.org/certificates").then().statusCode(200)
                .body("", hasSize(1)).body("[0].fingerprint", equalTo(alice.fingerprint())).body("[0].default", equalTo(true));
            given(server.webAdmin()).get("/smime/users/alice@example.org/settings").then().statusCode(200)
                .body("encrypt", equalTo(true)).body("missingKeyPolicy", equalTo("split"));
            given(server.webAdmin()).get("/smime/directory/bob@partner.example").then().statusCode(200)
                .body("[0].source", equalTo("imported"));

            try (SmtpClient smtp = server.smtpAs("alice@example.org")) {
                smtp.send("alice@example.org", List.of("bob@partner.example"),
                    "From: alice@example.org\r\nTo: bob@partner.example\r\nSubject: after restart\r\n\r\nStill me.\r\n");
            }
            byte[] received = outside.awaitMessage(message -> message.text().contains("Subject: after restart")).data();
            byte[] inner = ExternalVerifiers.decryptWithBouncyCastle(received, bob);
            ExternalVerifiers.verifyWithBouncyCastle(inner, alice.certificate());
            assertThat(new String(inner, java.nio.charset.StandardCharsets.UTF_8)).contains("Still me.");
        } finally {
            second.stop();
            outside.close();
        }
    }
}
