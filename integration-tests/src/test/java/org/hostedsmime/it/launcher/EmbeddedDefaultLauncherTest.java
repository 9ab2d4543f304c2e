package org.hostedsmime.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.hostedsmime.it.harness.ForkedJames;
import org.hostedsmime.it.harness.ImapClient;
import org.hostedsmime.it.harness.ProjectConfiguration;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.TrustAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the embedded default as {@code ./run.sh} does (a separate JVM, the same main class and conf) and uses
 * it as a person would, with the commands its banner prints.
 */
class EmbeddedDefaultLauncherTest {
    @TempDir
    static Path workingDirectory;

    private static ForkedJames james;

    @BeforeAll
    static void startLikeRunSh() throws Exception {
        james = ForkedJames.start(workingDirectory, new ProjectConfiguration(), "-Xmx512m");
    }

    @AfterAll
    static void stop() {
        if (james != null) {
            james.close();
        }
    }

    @Test
    void bannerShowsHowToCreateADomainAndAUser() {
        assertThat(james.output()).anySatisfy(line -> assertThat(line).contains("curl -XPUT " + james.webAdminUrl() + "/domains/example.org"));
        assertThat(james.output()).anySatisfy(line -> assertThat(line).contains("curl -XPUT " + james.webAdminUrl() + "/users/alice@example.org"));
    }

    @Test
    void aPersonCanCreateAUserWithWebAdminThenSendAndReadMail() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(james.webAdminUrl() + "/domains/example.org"))
            .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(204);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(james.webAdminUrl() + "/users/alice@example.org"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"secret\"}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(204);

        try (SmtpClient smtp = SmtpClient.connect(james.smtpPort())) {
            smtp.startTls(TrustAll.sslContext())
                .authenticate("alice@example.org", "secret")
                .send("alice@example.org", "alice@example.org",
                    "From: alice@example.org\r\nTo: alice@example.org\r\nSubject: note to self\r\n\r\nhello\r\n");
            assertThat(smtp.serverCertificate()).isPresent();
        }

        try (ImapClient imap = ImapClient.connect(james.imapPort())) {
            imap.startTls(TrustAll.sslContext()).login("alice@example.org", "secret").awaitMessages("INBOX", 1);
            assertThat(imap.fetchMessageAsString(1)).contains("Subject: note to self").endsWith("\r\n\r\nhello\r\n");
        }
    }

    @Test
    void pop3Answers() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", james.pop3Port());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            assertThat(in.readLine()).startsWith("+OK");
        }
    }

    @Test
    void secretsAreGeneratedOwnerOnly() throws Exception {
        for (String secret : new String[] {"var/tls/server-key.pem", "var/smime/master.key"}) {
            Path file = workingDirectory.resolve(secret);
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
