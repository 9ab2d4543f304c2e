package org.hostedsmime.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JamesTlsConfigurationTest {
    @TempDir
    Path workingDirectory;

    private JamesTlsConfiguration read(Map<String, String> files) throws Exception {
        return JamesTlsConfiguration.read(JamesConfigurationFiles.of(files), JamesConfigurationFiles.fileSystem(workingDirectory));
    }

    @Test
    void readsEveryTlsServerWithItsFilesWhereJamesReadsThem() throws Exception {
        JamesTlsConfiguration configuration = read(Map.of(
            "smtpserver", "<smtpservers><smtpserver enabled=\"true\">" + JamesConfigurationFiles.tls("startTLS=\"true\"", "server")
                + "</smtpserver></smtpservers>",
            "imapserver", "<imapservers><imapserver>" + JamesConfigurationFiles.tls("socketTLS=\"true\"", "server") + "</imapserver></imapservers>"));

        ServedFiles files = new ServedFiles(workingDirectory.resolve("var/tls/server-key.pem").toAbsolutePath().normalize(),
            workingDirectory.resolve("var/tls/server-chain.pem").toAbsolutePath().normalize(), Optional.empty());
        assertThat(configuration.entries()).containsExactly(
            new TlsServerEntry("SMTP", 0, "STARTTLS", Optional.of(files)),
            new TlsServerEntry("IMAP", 0, "TLS", Optional.of(files)));
    }

    @Test
    void disabledServersAreNotCountedAndServersWithoutTlsNotListed() throws Exception {
        JamesTlsConfiguration configuration = read(Map.of("smtpserver", "<smtpservers>"
            + "<smtpserver enabled=\"false\">" + JamesConfigurationFiles.tls("startTLS=\"true\"", "a") + "</smtpserver>"
            + "<smtpserver><tls socketTLS=\"false\" startTLS=\"false\"/></smtpserver>"
            + "<smtpserver>" + JamesConfigurationFiles.tls("socketTLS=\"true\"", "b") + "</smtpserver>"
            + "</smtpservers>"));

        assertThat(configuration.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.index()).isEqualTo(1);
            assertThat(entry.files().orElseThrow().privateKey()).endsWithRaw(Path.of("var/tls/b-key.pem"));
        });
    }

    @Test
    void aKeystoreServerIsListedButNotManagedAndTheSecretIsKept() throws Exception {
        JamesTlsConfiguration configuration = read(Map.of("pop3server", "<pop3servers>"
            + "<pop3server><tls startTLS=\"true\"><keystore>file://conf/keystore</keystore><secret>x</secret></tls></pop3server>"
            + "<pop3server><tls startTLS=\"true\"><privateKey>file://var/k.pem</privateKey><certificates>file://var/c.pem</certificates>"
            + "<secret>s3cret</secret></tls></pop3server>"
            + "</pop3servers>"));

        assertThat(configuration.entries()).extracting(TlsServerEntry::isManaged).containsExactly(false, true);
        assertThat(configuration.entries().get(1).files().orElseThrow().secret()).contains("s3cret");
        assertThat(configuration.entries().get(1).files().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void onlyAnExplicitSmtpHelloNameCounts() throws Exception {
        JamesTlsConfiguration configuration = read(Map.of("smtpserver", "<smtpservers>"
            + "<smtpserver><helloName autodetect=\"false\">MX.example.org</helloName></smtpserver>"
            + "<smtpserver><helloName autodetect=\"true\">ignored.example.org</helloName></smtpserver>"
            + "</smtpservers>"));

        assertThat(configuration.helloNames()).containsExactly("MX.example.org");
    }
}
