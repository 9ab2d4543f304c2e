package org.hostedsmime.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.james.protocols.lib.jmx.ServerMBean;
import org.apache.james.protocols.lib.netty.CertificateReloadable;
import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.crypto.KeyPairs;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.core.tls.PemFiles;
import org.hostedsmime.core.tls.SelfSignedServerCertificate;
import org.hostedsmime.core.tls.ServerCredentials;
import org.hostedsmime.core.tls.TlsEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.X509ExtendedKeyManager;

import nl.altindag.ssl.util.PemUtils;

class JamesTlsServersTest {
    private static final TestPki PKI = TestPki.create("James TLS servers");

    /** A James server as the adapter sees it: on reload it reads its chain file, as James would. */
    private static final class FakeServer implements CertificateReloadable, ServerMBean {
        private final String serviceType;
        private final int port;
        private final Path chainFile;
        private boolean failNextReload;
        private X509Certificate presented;

        FakeServer(String serviceType, int port, Path chainFile) {
            this.serviceType = serviceType;
            this.port = port;
            this.chainFile = chainFile;
        }

        @Override
        public void reloadSSLCertificate() throws IOException {
            if (failNextReload) {
                failNextReload = false;
                throw new IOException("simulated reload failure");
            }
            presented = CertificateDecoder.certificates(Files.readAllBytes(chainFile)).get(0);
        }

        @Override
        public int getPort() {
            return port;
        }

        @Override
        public String getServiceType() {
            return serviceType;
        }

        @Override
        public int getMaximumConcurrentConnections() {
            return 0;
        }

        @Override
        public boolean isEnabled() {
            return true;
        }

        @Override
        public boolean getStartTLSSupported() {
            return true;
        }

        @Override
        public String[] getBoundAddresses() {
            return new String[0];
        }

        @Override
        public String getSocketType() {
            return "plain";
        }

        @Override
        public boolean isStarted() {
            return true;
        }

        @Override
        public boolean start() {
            return true;
        }

        @Override
        public boolean stop() {
            return true;
        }

        @Override
        public int getTimeout() {
            return 0;
        }
    }

    @TempDir
    Path workingDirectory;

    private ServerCredentials before;
    private FakeServer smtp;
    private FakeServer imap;
    private FakeServer pop3;
    private JamesTlsServers servers;

    @BeforeEach
    void setUp() throws Exception {
        JamesTlsConfiguration configuration = JamesTlsConfiguration.read(JamesConfigurationFiles.of(Map.of(
                "smtpserver", "<smtpservers><smtpserver>" + JamesConfigurationFiles.tls("startTLS=\"true\"", "server") + "</smtpserver></smtpservers>",
                "imapserver", "<imapservers><imapserver>" + JamesConfigurationFiles.tls("socketTLS=\"true\"", "server") + "</imapserver></imapservers>",
                "pop3server", "<pop3servers><pop3server><tls startTLS=\"true\"><privateKey>file://var/tls/pop-key.pem</privateKey>"
                    + "<certificates>file://var/tls/pop-chain.pem</certificates><secret>pop-secret</secret></tls></pop3server>"
                    + "<pop3server><tls startTLS=\"true\"><keystore>file://conf/keystore</keystore></tls></pop3server></pop3servers>")),
            JamesConfigurationFiles.fileSystem(workingDirectory));
        before = SelfSignedServerCertificate.generate("localhost", List.of("localhost"), Clock.systemUTC());
        write("server", before, null);
        write("pop", before, "pop-secret");

        smtp = new FakeServer("SMTP Service", 2525, tlsFile("server-chain.pem"));
        imap = new FakeServer("IMAP Service", 993, tlsFile("server-chain.pem"));
        pop3 = new FakeServer("POP3 Service", 1110, tlsFile("pop-chain.pem"));
        FakeServer pop3WithKeystore = new FakeServer("POP3 Service", 1995, tlsFile("unused.pem"));
        CertificateReloadable.Factory smtpFactory = () -> Stream.of(smtp);
        CertificateReloadable.Factory imapFactory = () -> Stream.of(imap);
        CertificateReloadable.Factory pop3Factory = () -> Stream.of(pop3, pop3WithKeystore);
        servers = new JamesTlsServers(configuration, Set.of(smtpFactory, imapFactory, pop3Factory));
        for (FakeServer server : List.of(smtp, imap, pop3)) {
            server.reloadSSLCertificate();
        }
    }

    private Path tlsFile(String name) {
        return workingDirectory.resolve("var/tls").resolve(name);
    }

    private void write(String prefix, ServerCredentials credentials, String secret) {
        PemFiles.writeSecretAtomically(tlsFile(prefix + "-key.pem"),
            secret == null ? PemFiles.toPem(credentials.privateKey()) : PemFiles.toEncryptedPem(credentials.privateKey(), secret.toCharArray()));
        PemFiles.writeSecretAtomically(tlsFile(prefix + "-chain.pem"), PemFiles.toPem(credentials.chain()));
    }

    private static ServerCredentials credentials(TestCredential credential) {
        return new ServerCredentials(credential.privateKey(), credential.chain());
    }

    @Test
    void servingWritesEveryConfiguredPairOwnerOnlyAndReloadsEveryServerUsingThem() throws Exception {
        TestCredential next = PKI.serverLeaf("mail.example.org").build();

        servers.serve(credentials(next));

        assertThat(List.of(smtp.presented, imap.presented, pop3.presented)).containsOnly(next.certificate());
        assertThat(CertificateDecoder.certificates(Files.readAllBytes(tlsFile("server-chain.pem")))).containsExactly(next.certificate(), PKI.intermediate());
        assertThat(Files.readString(tlsFile("server-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        for (String name : List.of("server-key.pem", "server-chain.pem", "pop-key.pem", "pop-chain.pem")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tlsFile(name)))).isEqualTo("rw-------");
        }
        assertThat(servers.served().leaf()).isEqualTo(next.certificate());
    }

    @Test
    void aKeyForAServerWithASecretIsWrittenEncryptedWithItAndJamesLoadsIt() throws Exception {
        TestCredential next = PKI.serverLeaf("mail.example.org").build();

        servers.serve(credentials(next));

        assertThat(Files.readString(tlsFile("pop-key.pem"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        X509ExtendedKeyManager loaded = PemUtils.loadIdentityMaterial(tlsFile("pop-chain.pem"), tlsFile("pop-key.pem"), "pop-secret".toCharArray());
        String alias = loaded.getServerAliases("RSA", null)[0];

        assertThat(loaded.getCertificateChain(alias)[0]).isEqualTo(next.certificate());
        assertThat(KeyPairs.belongTogether(loaded.getPrivateKey(alias), next.certificate().getPublicKey())).isTrue();
    }

    @Test
    void aReloadFailureHalfWayPutsThePreviousFilesBackAndReloadsThem() throws Exception {
        byte[] keyBefore = Files.readAllBytes(tlsFile("server-key.pem"));
        byte[] chainBefore = Files.readAllBytes(tlsFile("server-chain.pem"));
        pop3.failNextReload = true;

        assertThatThrownBy(() -> servers.serve(credentials(PKI.serverLeaf("mail.example.org").build())))
            .isInstanceOfSatisfying(SmimeException.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.TLS_APPLY_FAILED);
                assertThat(e.messageArguments()[0].toString()).contains("POP3 server on port 1110").contains("simulated reload failure");
            });

        assertThat(Files.readAllBytes(tlsFile("server-key.pem"))).isEqualTo(keyBefore);
        assertThat(Files.readAllBytes(tlsFile("server-chain.pem"))).isEqualTo(chainBefore);
        assertThat(List.of(smtp.presented, imap.presented, pop3.presented)).containsOnly(before.leaf());
    }

    @Test
    void endpointsAreTheRunningServersUsingTheManagedFilesSmtpFirst() {
        assertThat(servers.endpoints()).containsExactly(
            new TlsEndpoint("SMTP", 2525, "STARTTLS"),
            new TlsEndpoint("IMAP", 993, "TLS"),
            new TlsEndpoint("POP3", 1110, "STARTTLS"));
    }

    @Test
    void servedIsWhatTheFirstConfiguredPairHolds() {
        assertThat(servers.served().leaf()).isEqualTo(before.leaf());
        assertThat(servers.servedFiles()).hasSize(2);
    }
}
