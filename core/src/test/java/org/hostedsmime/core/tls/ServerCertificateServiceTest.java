package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateServiceTest {
    private static final TestPki PKI = TestPki.create("TLS service");
    private static final String HOST = "mail.example.org";
    private static final Instant NOW = Instant.now();
    private static final List<TlsEndpoint> ENDPOINTS = List.of(new TlsEndpoint("SMTP", 25, TlsEndpoint.STARTTLS));

    /** Servers that serve whatever they are told, or fail when asked to. */
    private static class FakeTlsServers implements TlsServers {
        private ServerCredentials served;
        private boolean failNextSwitch;

        FakeTlsServers(ServerCredentials served) {
            this.served = served;
        }

        @Override
        public ServerCredentials served() {
            return served;
        }

        @Override
        public List<TlsEndpoint> endpoints() {
            return ENDPOINTS;
        }

        @Override
        public void serve(ServerCredentials credentials) {
            if (failNextSwitch) {
                failNextSwitch = false;
                throw ServerCertificateProblem.refused(ProblemType.TLS_APPLY_FAILED, "reload failed", Map.of(), "reload failed");
            }
            served = credentials;
        }
    }

    @TempDir
    Path directory;

    private ServerCredentials selfSigned;
    private FakeTlsServers servers;
    private ServerCertificateStore store;
    private ServerCertificateService service;

    @BeforeEach
    void setUp() {
        selfSigned = SelfSignedServerCertificate.generate("localhost", List.of("localhost"), Clock.systemUTC());
        servers = new FakeTlsServers(selfSigned);
        store = new FileServerCertificateStore(directory);
        service = serviceOn(store);
    }

    private ServerCertificateService serviceOn(ServerCertificateStore store) {
        return serviceOn(servers, store);
    }

    private static ServerCertificateService serviceOn(TlsServers servers, ServerCertificateStore store) {
        ServerCertificateChecks checks = new ServerCertificateChecks(new TlsTrustStore(List.of(PKI.root())), () -> List.of(HOST),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
        return new ServerCertificateService(servers, store, checks, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ServerCertificateUpload upload(TestCredential credential) {
        return ServerCertificateUpload.of(credential.chainPem(), null, credential.privateKeyPkcs8Pem(), null);
    }

    private static ServerCertificateUpload withoutKey(TestCredential credential) {
        return ServerCertificateUpload.of(credential.chainPem(), null, null, null);
    }

    private static ProblemType problemOf(Runnable action) {
        try {
            action.run();
        } catch (SmimeException e) {
            return e.type();
        }
        throw new AssertionError("No problem");
    }

    @Test
    void applyingSwitchesTheServersAndKeepsWhatTheyServedBefore() {
        TestCredential server = PKI.serverLeaf(HOST).build();

        ServerCertificateView applied = service.apply(upload(server));

        assertThat(servers.served().chain()).containsExactly(server.certificate(), PKI.intermediate());
        assertThat(applied.details().fingerprint().value()).isEqualTo(server.fingerprint());
        assertThat(applied.appliedAt()).contains(NOW);
        assertThat(applied.endpoints()).isEqualTo(ENDPOINTS);
        assertThat(service.current().appliedAt()).contains(NOW);
        assertThat(service.current().chain()).containsExactly(PKI.intermediate().getSubjectX500Principal().getName());
        assertThat(service.previous().details().fingerprint()).isEqualTo(org.hostedsmime.core.certificate.Fingerprint.of(selfSigned.leaf()));
        assertThat(service.previous().appliedAt()).isEmpty();
    }

    @Test
    void aRefusedUploadChangesNothing() {
        assertThat(problemOf(() -> service.apply(upload(PKI.serverLeaf("mail.example.net").build())))).isEqualTo(ProblemType.DOMAIN_MISMATCH);

        assertThat(servers.served()).isSameAs(selfSigned);
        assertThat(problemOf(() -> service.previous())).isEqualTo(ProblemType.PREVIOUS_CERTIFICATE_NOT_FOUND);
    }

    @Test
    void validatingChecksWithoutApplying() {
        TestCredential server = PKI.serverLeaf(HOST).build();

        ServerCertificateView checked = service.validate(upload(server));

        assertThat(checked.details().fingerprint().value()).isEqualTo(server.fingerprint());
        assertThat(checked.endpoints()).isEmpty();
        assertThat(servers.served()).isSameAs(selfSigned);
        assertThat(problemOf(() -> service.validate(upload(PKI.serverLeaf(HOST).expired().build())))).isEqualTo(ProblemType.EXPIRED);
    }

    @Test
    void rollbackSwitchesBackAndASecondRollbackGoesForwardAgain() {
        TestCredential first = PKI.serverLeaf(HOST).build();
        TestCredential second = PKI.serverLeaf(HOST).build();
        service.apply(upload(first));
        service.apply(upload(second));

        service.rollback();
        assertThat(servers.served().leaf()).isEqualTo(first.certificate());
        assertThat(service.previous().details().fingerprint().value()).isEqualTo(second.fingerprint());

        service.rollback();
        assertThat(servers.served().leaf()).isEqualTo(second.certificate());
    }

    @Test
    void rollbackWithoutAPreviousCertificateIsRefused() {
        assertThat(problemOf(() -> service.rollback())).isEqualTo(ProblemType.NO_PREVIOUS_CERTIFICATE);
    }

    @Test
    void aFailedSwitchLeavesTheKeptStateAsItWas() {
        TestCredential first = PKI.serverLeaf(HOST).build();
        service.apply(upload(first));
        servers.failNextSwitch = true;

        assertThat(problemOf(() -> service.apply(upload(PKI.serverLeaf(HOST).build())))).isEqualTo(ProblemType.TLS_APPLY_FAILED);

        assertThat(service.current().details().fingerprint().value()).isEqualTo(first.fingerprint());
        assertThat(service.current().appliedAt()).contains(NOW);
        assertThat(service.previous().details().fingerprint()).isEqualTo(org.hostedsmime.core.certificate.Fingerprint.of(selfSigned.leaf()));
    }

    @Test
    void theCaCertificateForThePendingRequestIsCompletedWithTheKeyKeptOnTheServer() throws Exception {
        PendingCertificateRequest request = service.requestCertificate(HOST, List.of(), Optional.of("EC-P256"));
        TestCredential issued = PKI.serverLeaf(HOST).keyPair(new KeyPair(publicKeyOf(request), request.privateKey())).build();

        ServerCertificateView applied = service.apply(withoutKey(issued));

        assertThat(applied.details().fingerprint().value()).isEqualTo(issued.fingerprint());
        assertThat(servers.served().privateKey().getEncoded()).isEqualTo(request.privateKey().getEncoded());
        assertThat(reactor.core.publisher.Mono.from(store.pendingRequest()).blockOptional()).isEmpty();
    }

    @Test
    void thePendingRequestSurvivesARestart() throws Exception {
        PendingCertificateRequest request = service.requestCertificate(HOST, List.of(), Optional.empty());
        TestCredential issued = PKI.serverLeaf(HOST).keyPair(new KeyPair(publicKeyOf(request), request.privateKey())).build();

        ServerCertificateService restarted = serviceOn(new FileServerCertificateStore(directory));

        assertThat(restarted.apply(withoutKey(issued)).details().keyAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void aCertificateRenewedForTheServedKeyNeedsNoKey() {
        TestCredential first = PKI.serverLeaf(HOST).build();
        service.apply(upload(first));
        TestCredential renewed = PKI.serverLeaf(HOST).keyPair(new KeyPair(first.certificate().getPublicKey(), first.privateKey())).build();

        assertThat(service.apply(withoutKey(renewed)).details().fingerprint().value()).isEqualTo(renewed.fingerprint());
    }

    @Test
    void withoutKeyAndNoKeyOnTheServerForItTheKeyIsMissing() {
        assertThat(problemOf(() -> service.apply(withoutKey(PKI.serverLeaf(HOST).build())))).isEqualTo(ProblemType.NO_PRIVATE_KEY);
    }

    @Test
    void aCrlUploadedForServerCertificatesRevokesTheCertificatesItLists() {
        TestCredential server = PKI.serverLeaf(HOST).build();

        service.addCrl(TestPki.pem(PKI.intermediateCrl(server.certificate())).getBytes(StandardCharsets.US_ASCII));

        assertThat(service.crls()).singleElement().satisfies(crl -> assertThat(crl.revokedCount()).isEqualTo(1));
        assertThat(problemOf(() -> service.apply(upload(server)))).isEqualTo(ProblemType.REVOKED);
    }

    @Test
    void anOlderCrlOfTheSameIssuerIsStaleAndAnythingElseCorrupt() throws Exception {
        byte[] older = TestPki.pem(PKI.intermediateCrl()).getBytes(StandardCharsets.US_ASCII);
        Thread.sleep(1100);
        byte[] newer = TestPki.pem(PKI.intermediateCrl()).getBytes(StandardCharsets.US_ASCII);
        service.addCrl(newer);

        assertThat(problemOf(() -> service.addCrl(older))).isEqualTo(ProblemType.STALE_CRL);
        assertThat(problemOf(() -> service.addCrl("nope".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ProblemType.CORRUPT);
    }

    /** The state every node of a cluster reads and writes, as a Cassandra store is. */
    private ServerCertificateStore sharedStore() {
        return new FileServerCertificateStore(directory.resolve("shared")) {
            @Override
            public boolean shared() {
                return true;
            }
        };
    }

    @Test
    void aCertificateAnotherNodeAppliedThroughTheSharedStoreIsServedHereToo() {
        ServerCertificateService thisNode = serviceOn(servers, sharedStore());
        FakeTlsServers otherServers = new FakeTlsServers(selfSigned);
        ServerCertificateService otherNode = serviceOn(otherServers, sharedStore());
        TestCredential server = PKI.serverLeaf(HOST).build();
        otherNode.apply(upload(server));

        assertThat(thisNode.serveStoredCurrent()).isTrue();

        assertThat(servers.served().chain()).isEqualTo(otherServers.served().chain());
        assertThat(servers.served().privateKey().getEncoded()).isEqualTo(server.privateKey().getEncoded());
        assertThat(thisNode.current().appliedAt()).contains(NOW);
        assertThat(thisNode.previous().details().fingerprint()).isEqualTo(org.hostedsmime.core.certificate.Fingerprint.of(selfSigned.leaf()));
        assertThat(thisNode.serveStoredCurrent()).isFalse();
    }

    @Test
    void aRollbackOnAnotherNodeIsFollowedToo() {
        ServerCertificateService thisNode = serviceOn(servers, sharedStore());
        ServerCertificateService otherNode = serviceOn(new FakeTlsServers(selfSigned), sharedStore());
        otherNode.apply(upload(PKI.serverLeaf(HOST).build()));
        thisNode.serveStoredCurrent();

        otherNode.rollback();

        assertThat(thisNode.serveStoredCurrent()).isTrue();
        assertThat(servers.served().leaf()).isEqualTo(selfSigned.leaf());
    }

    @Test
    void aFailedSwitchToTheSharedCertificateIsTriedAgainNextTime() {
        ServerCertificateService thisNode = serviceOn(servers, sharedStore());
        serviceOn(new FakeTlsServers(selfSigned), sharedStore()).apply(upload(PKI.serverLeaf(HOST).build()));
        servers.failNextSwitch = true;

        assertThat(problemOf(thisNode::serveStoredCurrent)).isEqualTo(ProblemType.TLS_APPLY_FAILED);

        assertThat(servers.served()).isSameAs(selfSigned);
        assertThat(thisNode.serveStoredCurrent()).isTrue();
    }

    @Test
    void withAStoreOfItsOwnFilesReplacedByHandStayServed() {
        service.apply(upload(PKI.serverLeaf(HOST).build()));
        servers.serve(selfSigned);

        assertThat(service.serveStoredCurrent()).isFalse();

        assertThat(servers.served()).isSameAs(selfSigned);
    }

    @Test
    void anUnknownKeyTypeIsAnInvalidArgument() {
        assertThatThrownBy(() -> service.requestCertificate(HOST, List.of(), Optional.of("DSA-1024")))
            .isInstanceOfSatisfying(SmimeException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_ARGUMENT));
    }

    private static java.security.PublicKey publicKeyOf(PendingCertificateRequest request) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(request.csrPem()))) {
            return new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject())
                .setProvider(CryptoProvider.BOUNCY_CASTLE).getPublicKey();
        }
    }
}
