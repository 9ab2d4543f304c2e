package org.hostedsmime.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostedsmime.app.SmimeJamesServerMain;
import org.hostedsmime.it.harness.ImapClient;
import org.hostedsmime.it.harness.ProjectConfiguration;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.TrustAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the embedded default as {@code ./run.sh} does: a separate JVM running {@link SmimeJamesServerMain}
 * with {@code -Dworking.directory} holding the project's {@code conf/} (ports moved to free ones), then uses
 * it as a person would, with the commands its banner prints.
 */
class EmbeddedDefaultLauncherTest {
    private static final Pattern LISTENS = Pattern.compile("^\\s+(SMTP|IMAP|POP3)\\s+127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern WEBADMIN = Pattern.compile("^\\s+WebAdmin\\s+(http://\\S+)");

    @TempDir
    static Path workingDirectory;

    private static Process james;
    private static final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private static int smtpPort;
    private static int imapPort;
    private static int pop3Port;
    private static String webAdmin;

    @BeforeAll
    static void startLikeRunSh() throws Exception {
        new ProjectConfiguration().writeTo(workingDirectory);
        Files.createDirectories(workingDirectory.resolve("var"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        james = new ProcessBuilder(java,
            "-Xmx512m",
            "-Dworking.directory=" + workingDirectory,
            "-Dlogback.configurationFile=" + workingDirectory.resolve("conf/logback.xml"),
            "-cp", System.getProperty("java.class.path"),
            SmimeJamesServerMain.class.getName())
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .start();

        CompletableFuture<Void> banner = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(banner), "embedded-james-output");
        reader.setDaemon(true);
        reader.start();
        banner.get(120, TimeUnit.SECONDS);
    }

    private static void readOutput(CompletableFuture<Void> banner) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(james.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher listens = LISTENS.matcher(line);
                if (listens.find()) {
                    int port = Integer.parseInt(listens.group(2));
                    switch (listens.group(1)) {
                        case "SMTP" -> smtpPort = port;
                        case "IMAP" -> imapPort = port;
                        default -> pop3Port = port;
                    }
                }
                Matcher webAdminLine = WEBADMIN.matcher(line);
                if (webAdminLine.find()) {
                    webAdmin = webAdminLine.group(1);
                    banner.complete(null);
                }
            }
            banner.completeExceptionally(new IllegalStateException("James exited before printing its banner:\n"
                + String.join("\n", output)));
        } catch (IOException e) {
            banner.completeExceptionally(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (james != null) {
            james.destroy();
            if (!james.waitFor(30, TimeUnit.SECONDS)) {
                james.destroyForcibly();
            }
        }
    }

    @Test
    void bannerShowsHowToCreateADomainAndAUser() {
        assertThat(output).anySatisfy(line -> assertThat(line).contains("curl -XPUT " + webAdmin + "/domains/example.org"));
        assertThat(output).anySatisfy(line -> assertThat(line).contains("curl -XPUT " + webAdmin + "/users/alice@example.org"));
    }

    @Test
    void aPersonCanCreateAUserWithWebAdminThenSendAndReadMail() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(webAdmin + "/domains/example.org"))
            .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(204);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(webAdmin + "/users/alice@example.org"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"secret\"}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(204);

        try (SmtpClient smtp = SmtpClient.connect(smtpPort)) {
            smtp.startTls(TrustAll.sslContext())
                .authenticate("alice@example.org", "secret")
                .send("alice@example.org", "alice@example.org",
                    "From: alice@example.org\r\nTo: alice@example.org\r\nSubject: note to self\r\n\r\nhello\r\n");
            assertThat(smtp.serverCertificate()).isPresent();
        }

        try (ImapClient imap = ImapClient.connect(imapPort)) {
            imap.startTls(TrustAll.sslContext()).login("alice@example.org", "secret").awaitMessages("INBOX", 1);
            assertThat(imap.fetchMessageAsString(1)).contains("Subject: note to self").endsWith("\r\n\r\nhello\r\n");
        }
    }

    @Test
    void pop3Answers() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", pop3Port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            assertThat(in.readLine()).startsWith("+OK");
        }
    }

    @Test
    void selfSignedCertificateIsGeneratedOwnerOnly() throws Exception {
        Path key = workingDirectory.resolve("var/tls/server-key.pem");
        assertThat(key).exists();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
            .isEqualTo("rw-------");
    }
}
