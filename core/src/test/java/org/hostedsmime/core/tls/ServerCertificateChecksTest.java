package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

class ServerCertificateChecksTest {
    private static final TestPki PKI = TestPki.create("TLS checks");
    private static final TestPki STRANGER = TestPki.create("Unknown CA");
    private static final String HOST = "mail.example.org";

    private final ServerCertificateChecks checks = new ServerCertificateChecks(new TlsTrustStore(List.of(PKI.root())),
        () -> List.of(HOST), Clock.systemUTC(), Duration.ofDays(30));

    private CheckedServerCertificate check(TestCredential credential, List<X509CRL> crls) {
        return checks.check(credential.certificate(), credential.issuersOnly(), credential.privateKey(), crls);
    }

    private CheckedServerCertificate check(TestCredential credential) {
        return check(credential, List.of());
    }

    private static ServerCertificateProblem problem(Runnable check) {
        try {
            check.run();
        } catch (ServerCertificateProblem problem) {
            return problem;
        }
        throw new AssertionError("The check passed");
    }

    @Test
    void aChainReachingATrustedRootIsServedInOrderWithoutTheRootOrWarnings() {
        TestCredential server = PKI.serverLeaf(HOST).build();

        CheckedServerCertificate checked = checks.check(server.certificate(), List.of(PKI.root(), PKI.intermediate()),
            server.privateKey(), List.of());

        assertThat(checked.credentials().chain()).containsExactly(server.certificate(), PKI.intermediate());
        assertThat(checked.path().trustAnchor()).contains(PKI.root());
        assertThat(checked.warnings()).isEmpty();
    }

    @Test
    void certificatesOfTheUploadOffThePathAreLeftOut() {
        TestCredential server = PKI.serverLeaf(HOST).build();

        CheckedServerCertificate checked = checks.check(server.certificate(), List.of(STRANGER.intermediate(), PKI.intermediate()),
            server.privateKey(), List.of());

        assertThat(checked.credentials().chain()).containsExactly(server.certificate(), PKI.intermediate());
    }

    @Test
    void ecP256AndWildcardCertificatesAreAccepted() {
        assertThat(check(PKI.serverLeaf(HOST).ecKey("secp256r1").build()).warnings()).isEmpty();
        assertThat(check(PKI.serverLeaf("*.example.org").build()).warnings()).isEmpty();
    }

    @Test
    void aKeyOfAnotherCertificateIsKeyMismatch() {
        TestCredential server = PKI.serverLeaf(HOST).build();
        PrivateKey other = PKI.serverLeaf(HOST).build().privateKey();

        ServerCertificateProblem problem = problem(() -> checks.check(server.certificate(), server.issuersOnly(), other, List.of()));

        assertThat(problem.type()).isEqualTo(ProblemType.KEY_MISMATCH);
        assertThat(problem.messageArguments()).containsExactly("");
        assertThat(problem.details()).doesNotContainKey("keyBelongsTo");
    }

    @Test
    void swappedCertificateAndChainFieldsAreKeyMismatchSayingTheKeyBelongsToTheChain() {
        TestCredential server = PKI.serverLeaf(HOST).build();

        ServerCertificateProblem problem = problem(() -> checks.check(PKI.intermediate(), List.of(server.certificate()),
            server.privateKey(), List.of()));

        assertThat(problem.type()).isEqualTo(ProblemType.KEY_MISMATCH);
        assertThat(problem.details()).containsEntry("keyBelongsTo", "CN=" + HOST);
        assertThat(problem.messageArguments()).containsExactly(LocalizedText.of("problem.key-mismatch.chain-hint", "CN=" + HOST));
    }

    @Test
    void aMissingIntermediateIsAnIncompleteChainNamingTheIssuer() {
        TestCredential server = PKI.serverLeaf(HOST).build();

        ServerCertificateProblem problem = problem(() -> checks.check(server.certificate(), List.of(), server.privateKey(), List.of()));

        assertThat(problem.type()).isEqualTo(ProblemType.INCOMPLETE_CHAIN);
        assertThat(problem.details()).containsEntry("issuer", PKI.intermediate().getSubjectX500Principal().getName());
        assertThat(problem.messageArguments()).containsExactly(PKI.intermediate().getSubjectX500Principal().getName());
    }

    @Test
    void aChainEndingBelowAnUnknownRootIsIncomplete() {
        ServerCertificateProblem problem = problem(() -> check(STRANGER.serverLeaf(HOST).build()));

        assertThat(problem.type()).isEqualTo(ProblemType.INCOMPLETE_CHAIN);
        assertThat(problem.details()).containsEntry("issuer", STRANGER.root().getSubjectX500Principal().getName());
    }

    @Test
    void aChainEndingInASelfSignedRootOutsideTheTrustStoreIsAcceptedWithAWarning() {
        TestCredential server = STRANGER.serverLeaf(HOST).build();

        CheckedServerCertificate checked = checks.check(server.certificate(), List.of(STRANGER.intermediate(), STRANGER.root()),
            server.privateKey(), List.of());
        CheckedServerCertificate selfSigned = check(PKI.serverLeaf(HOST).selfSigned().build());

        assertThat(checked.warnings()).extracting(ServerCertificateWarning::type).containsExactly("untrusted-root");
        assertThat(checked.credentials().chain()).containsExactly(server.certificate(), STRANGER.intermediate(), STRANGER.root());
        assertThat(selfSigned.warnings()).extracting(ServerCertificateWarning::type).containsExactly("untrusted-root");
    }

    @Test
    void aCertificateForAnotherHostIsDomainMismatch() {
        ServerCertificateProblem problem = problem(() -> check(PKI.serverLeaf("mail.example.net", "example.org").build()));

        assertThat(problem.type()).isEqualTo(ProblemType.DOMAIN_MISMATCH);
        assertThat(problem.details()).containsEntry("missing", List.of(HOST));
        assertThat(problem.messageArguments()).containsExactly("mail.example.net, example.org", HOST);
    }

    @Test
    void aWildcardDoesNotCoverTheBareDomainNorTwoLabels() {
        ServerCertificateChecks bareDomain = new ServerCertificateChecks(new TlsTrustStore(List.of(PKI.root())),
            () -> List.of("example.org", "a.b.example.org"), Clock.systemUTC(), Duration.ofDays(30));
        TestCredential wildcard = PKI.serverLeaf("*.example.org").build();

        ServerCertificateProblem problem = problem(() -> bareDomain.check(wildcard.certificate(), wildcard.issuersOnly(),
            wildcard.privateKey(), List.of()));

        assertThat(problem.details()).containsEntry("missing", List.of("example.org", "a.b.example.org"));
    }

    @Test
    void withoutRequiredHostNamesAnyNameIsAccepted() {
        ServerCertificateChecks anyName = new ServerCertificateChecks(new TlsTrustStore(List.of(PKI.root())),
            List::of, Clock.systemUTC(), Duration.ofDays(30));
        TestCredential server = PKI.serverLeaf("somewhere.example.net").build();

        assertThat(anyName.check(server.certificate(), server.issuersOnly(), server.privateKey(), List.of()).warnings()).isEmpty();
    }

    @Test
    void aSha1SignedCertificateIsRefused() {
        ServerCertificateProblem problem = problem(() -> check(PKI.serverLeaf(HOST).signatureAlgorithm("SHA1withRSA").build()));

        assertThat(problem.type()).isEqualTo(ProblemType.SHA1_SIGNATURE);
        assertThat(problem.messageArguments()).containsExactly("SHA1withRSA");
    }

    @Test
    void aSha1SignedIntermediateIsRefused() throws Exception {
        KeyPair intermediateKeys = rsaKeys(2048);
        X509Certificate sha1Intermediate = issue(PKI.root(), PKI.rootKey(), "CN=SHA-1 Intermediate", intermediateKeys, true, "SHA1withRSA");
        KeyPair serverKeys = rsaKeys(2048);
        X509Certificate server = issue(sha1Intermediate, intermediateKeys.getPrivate(), "CN=" + HOST, serverKeys, false, "SHA256withRSA");

        ServerCertificateProblem problem = problem(() -> checks.check(server, List.of(sha1Intermediate), serverKeys.getPrivate(), List.of()));

        assertThat(problem.type()).isEqualTo(ProblemType.SHA1_SIGNATURE);
        assertThat(problem.details()).containsEntry("certificate", "CN=SHA-1 Intermediate");
    }

    @Test
    void anRsa1024KeyIsWeak() {
        ServerCertificateProblem problem = problem(() -> check(PKI.serverLeaf(HOST).rsaKey(1024).build()));

        assertThat(problem.type()).isEqualTo(ProblemType.WEAK_KEY);
        assertThat(problem.messageArguments()).containsExactly("RSA 1024");
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRefused() {
        ServerCertificateProblem expired = problem(() -> check(PKI.serverLeaf(HOST).expired().build()));
        ServerCertificateProblem notYetValid = problem(() -> check(PKI.serverLeaf(HOST).notYetValid().build()));

        assertThat(expired.type()).isEqualTo(ProblemType.EXPIRED);
        assertThat(expired.messageKey()).isEqualTo("problem.tls.expired");
        assertThat(notYetValid.type()).isEqualTo(ProblemType.NOT_YET_VALID);
    }

    @Test
    void aCertificateListedInItsIssuersCrlIsRevoked() {
        TestCredential server = PKI.serverLeaf(HOST).build();
        TestCredential other = PKI.serverLeaf(HOST).build();

        ServerCertificateProblem problem = problem(() -> check(server, List.of(PKI.intermediateCrl(server.certificate()))));

        assertThat(problem.type()).isEqualTo(ProblemType.REVOKED);
        assertThat(problem.details()).containsEntry("crlIssuer", PKI.intermediate().getSubjectX500Principal().getName());
        assertThat(check(other, List.of(PKI.intermediateCrl(server.certificate()))).warnings()).isEmpty();
    }

    @Test
    void aCrlOfAnotherIssuerRevokesNothing() {
        TestCredential server = PKI.serverLeaf(HOST).serialNumber(BigInteger.valueOf(4242)).build();
        TestCredential strangers = STRANGER.smimeLeaf("x@example.net").serialNumber(BigInteger.valueOf(4242)).build();

        assertThat(check(server, List.of(STRANGER.intermediateCrl(strangers.certificate()))).warnings()).isEmpty();
    }

    @Test
    void aCertificateExpiringWithinThirtyDaysIsAcceptedWithAWarning() {
        Instant now = Instant.now();
        TestCredential server = PKI.serverLeaf(HOST).validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(12)).plusSeconds(60)).build();

        List<ServerCertificateWarning> warnings = check(server).warnings();

        assertThat(warnings).containsExactly(ServerCertificateWarning.expiresSoon(12));
        assertThat(warnings.get(0).text()).isEqualTo(LocalizedText.of("warning.expires-soon", 12L));
    }

    private static KeyPair rsaKeys(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", CryptoProvider.BOUNCY_CASTLE);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, String subject, KeyPair keys, boolean ca,
                                         String signatureAlgorithm) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
            X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(90))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
        if (!ca) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, HOST)));
        }
        return new JcaX509CertificateConverter().setProvider(CryptoProvider.BOUNCY_CASTLE).getCertificate(builder.build(
            new JcaContentSignerBuilder(signatureAlgorithm).setProvider(CryptoProvider.BOUNCY_CASTLE).build(issuerKey)));
    }
}
