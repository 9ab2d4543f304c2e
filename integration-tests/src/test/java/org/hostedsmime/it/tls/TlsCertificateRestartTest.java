package org.hostedsmime.it.tls;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.hostedsmime.app.EmbeddedServerPreparation;
import org.hostedsmime.app.SmimeJamesServerMain;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.ProjectConfiguration;
import org.hostedsmime.it.harness.RunningJames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An applied certificate, and the previous one kept for rollback, survive a restart of James in the same working
 * directory: James reads the files that were replaced, the state files next to them still know the rest.
 */
class TlsCertificateRestartTest {
    private static final TestPki PKI = TestPki.create("TLS restart");
    private static final String HOST = "mail.example.org";

    @TempDir
    Path workingDirectory;

    private GuiceJamesServer start() throws Exception {
        new ProjectConfiguration()
            .edit("tls-test-root.pem", ignored -> TestPki.pem(PKI.root()))
            .edit("tls.properties", conf -> conf.replace("trust.extraBundle=", "trust.extraBundle=conf/tls-test-root.pem")
                .replace("hostNames=", "hostNames=" + HOST))
            .writeTo(workingDirectory);
        new EmbeddedServerPreparation(workingDirectory, Clock.systemUTC()).prepare();
        GuiceJamesServer server = SmimeJamesServerMain.createServer(MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory.toFile())
            .build());
        server.start();
        return server;
    }

    @Test
    void theAppliedCertificateAndThePreviousOneSurviveARestart() throws Exception {
        TestCredential credential = PKI.serverLeaf(HOST).build();
        String selfSigned;
        String appliedAt;
        GuiceJamesServer first = start();
        try {
            RunningJames james = new RunningJames(first);
            selfSigned = PresentedCertificates.afterSmtpStartTls(james.smtpPort());
            // Nothing replaced yet: nothing to show, nothing to go back to.
            given(james.webAdmin()).get("/tls/certificate/previous").then().statusCode(404)
                .body("type", equalTo("no-previous-certificate"));
            given(james.webAdmin()).post("/tls/certificate/rollback").then().statusCode(409)
                .body("type", equalTo("no-previous-certificate"));
            appliedAt = given(james.webAdmin())
                .body(Map.of("certificate", credential.chainPem(), "privateKey", credential.privateKeyPkcs8Pem()))
                .put("/tls/certificate").then().statusCode(200)
                .extract().path("appliedAt");
        } finally {
            first.stop();
        }

        GuiceJamesServer second = start();
        try {
            RunningJames james = new RunningJames(second);

            assertThat(PresentedCertificates.afterSmtpStartTls(james.smtpPort())).isEqualTo(credential.fingerprint());
            given(james.webAdmin()).get("/tls/certificate").then().statusCode(200)
                .body("fingerprint", equalTo(credential.fingerprint()))
                .body("appliedAt", equalTo(appliedAt));
            given(james.webAdmin()).post("/tls/certificate/rollback").then().statusCode(200)
                .body("fingerprint", equalTo(selfSigned));
            assertThat(PresentedCertificates.afterImapStartTls(james.imapPort())).isEqualTo(selfSigned);
        } finally {
            second.stop();
        }
        try (var files = Files.list(workingDirectory.resolve("var/tls/state"))) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isIn("rw-------", "rwx------"));
        }
    }
}
