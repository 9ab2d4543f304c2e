package org.hostedsmime.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the test PKI issues what it says, and that its files open with the JDK and the OpenSSL CLI. */
class TestPkiTest {
    private static final TestPki PKI = TestPki.create("Self test");
    private static final TestCredential ALICE = PKI.smimeLeaf("alice@example.org").build();
    private static final String PASSWORD = "correct horse";
    private static final Duration SLACK = Duration.ofMinutes(5);

    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    // Indexes into X509Certificate.getKeyUsage().
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    @TempDir
    Path directory;

    // ---- The CA certificates

    @Test
    void rootIsASelfSignedCaWithPathLengthOne() throws Exception {
        X509Certificate root = PKI.root();

        root.verify(root.getPublicKey());
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        assertThat(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()))
            .isEqualTo(new X500Name("CN=Self test Root CA, O=Hosted S/MIME tests"));
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(root.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
        assertThat(root.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        assertThat(subjectKeyId(root)).isEqualTo(authorityKeyId(root));
        assertCaDefaults(root);
        assertKeyPair(PKI.rootKey(), root.getPublicKey());
    }

    @Test
    void intermediateIsIssuedByTheRootWithPathLengthZero() throws Exception {
        X509Certificate intermediate = PKI.intermediate();

        intermediate.verify(PKI.root().getPublicKey());
        assertThat(X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()))
            .isEqualTo(new X500Name("CN=Self test Intermediate CA"));
        assertThat(intermediate.getIssuerX500Principal()).isEqualTo(PKI.root().getSubjectX500Principal());
        assertThat(intermediate.getBasicConstraints()).isEqualTo(0);
        assertThat(intermediate.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
        assertThat(intermediate.getKeyUsage()[CRL_SIGN]).isTrue();
        assertThat(authorityKeyId(intermediate)).isEqualTo(subjectKeyId(PKI.root()));
        assertCaDefaults(intermediate);
        assertKeyPair(PKI.intermediateKey(), intermediate.getPublicKey());
    }

    private static void assertCaDefaults(X509Certificate ca) {
        assertThat(((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(ca.getNotBefore().toInstant()).isCloseTo(Instant.now().minus(Duration.ofDays(30)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        assertThat(ca.getNotAfter().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(3650)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
    }

    // ---- S/MIME leaves

    @Test
    void smimeLeafChainsToTheRootThroughTheIntermediateAndValidatesWithPkix() throws Exception {
        ALICE.certificate().verify(PKI.intermediate().getPublicKey());
        assertThat(ALICE.chain()).containsExactly(ALICE.certificate(), PKI.intermediate());
        assertThat(ALICE.issuersOnly()).containsExactly(PKI.intermediate());
        assertThat(authorityKeyId(ALICE.certificate())).isEqualTo(subjectKeyId(PKI.intermediate()));

        PKIXCertPathValidatorResult result = validate(ALICE.chain(), PKI.root());
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(PKI.root());
    }

    @Test
    void smimeLeafDefaults() throws Exception {
        X509Certificate certificate = ALICE.certificate();

        assertThat(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()))
            .isEqualTo(new X500Name("CN=alice@example.org"));
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(PKI.intermediate().getSubjectX500Principal());
        assertThat(subjectAlternativeNames(certificate)).containsExactly(List.of(1, "alice@example.org"));
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId(), Extension.basicConstraints.getId());
        assertThat(certificate.getKeyUsage()).containsExactly(true, false, true, false, false, false, false, false, false);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(EMAIL_PROTECTION);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(subjectKeyId(certificate)).isNotEmpty();
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(certificate.getSerialNumber()).isPositive();
        assertThat(certificate.getNotBefore().toInstant()).isCloseTo(Instant.now().minus(Duration.ofDays(1)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        assertThat(certificate.getNotAfter().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(365)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        certificate.checkValidity();
        assertKeyPair(ALICE.privateKey(), certificate.getPublicKey());
    }

    @Test
    void everyLeafGetsItsOwnKeyAndSerial() {
        TestCredential other = PKI.smimeLeaf("alice@example.org").build();

        assertThat(other.certificate().getPublicKey()).isNotEqualTo(ALICE.certificate().getPublicKey());
        assertThat(other.certificate().getSerialNumber()).isNotEqualTo(ALICE.certificate().getSerialNumber());
        assertThat(PKI.smimeLeaf("a@example.org").serialNumber(BigInteger.valueOf(4242)).build().certificate().getSerialNumber())
            .isEqualTo(4242);
    }

    @Test
    void validityVariants() {
        X509Certificate expired = PKI.smimeLeaf("a@example.org").expired().build().certificate();
        X509Certificate notYetValid = PKI.smimeLeaf("a@example.org").notYetValid().build().certificate();
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        X509Certificate explicit = PKI.smimeLeaf("a@example.org").validity(start, start.plus(Duration.ofDays(2))).build().certificate();

        assertThat(expired.getNotAfter().toInstant()).isCloseTo(Instant.now().minus(Duration.ofDays(1)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        assertThat(expired.getNotBefore().toInstant()).isCloseTo(Instant.now().minus(Duration.ofDays(400)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThat(notYetValid.getNotBefore().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(10)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        assertThatThrownBy(notYetValid::checkValidity).isInstanceOf(CertificateNotYetValidException.class);
        assertThat(explicit.getNotBefore().toInstant()).isEqualTo(start);
        assertThat(explicit.getNotAfter().toInstant()).isEqualTo(start.plus(Duration.ofDays(2)));
    }

    @Test
    void weakSignatureAlgorithmsAreStillSignedByTheIntermediate() throws Exception {
        X509Certificate sha1 = PKI.smimeLeaf("a@example.org").signatureAlgorithm("SHA1withRSA").build().certificate();
        X509Certificate md5 = PKI.smimeLeaf("a@example.org").signatureAlgorithm("MD5withRSA").build().certificate();

        assertThat(sha1.getSigAlgName()).isEqualTo("SHA1withRSA");
        sha1.verify(PKI.intermediate().getPublicKey());
        assertThat(md5.getSigAlgName()).isEqualTo("MD5withRSA");
        md5.verify(PKI.intermediate().getPublicKey());
    }

    @Test
    void rsaKeySizes() {
        assertThat(rsaBits(PKI.smimeLeaf("a@example.org").rsaKey(1024).build())).isEqualTo(1024);
        assertThat(rsaBits(PKI.smimeLeaf("a@example.org").rsaKey(3072).build())).isEqualTo(3072);
    }

    @Test
    void ecKeysOnTheNamedCurvesWithKeyAgreementUsage() throws Exception {
        for (String curve : List.of("secp256r1", "secp384r1", "secp224r1")) {
            TestCredential ec = PKI.smimeLeaf("a@example.org").ecKey(curve).build();
            X509Certificate certificate = ec.certificate();

            assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
            assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(Integer.parseInt(curve.substring(4, 7)));
            assertThat(certificate.getKeyUsage()).containsExactly(true, false, false, false, true, false, false, false, false);
            assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
            certificate.verify(PKI.intermediate().getPublicKey());
            assertKeyPair(ec.privateKey(), toBouncyCastle(certificate.getPublicKey()));
        }
    }

    @Test
    void addressInTheSubjectAlternativeNameOrOnlyInTheSubject() throws Exception {
        X509Certificate subjectOnly = PKI.smimeLeaf("old@example.org").emailInSubjectOnly().build().certificate();
        X509Certificate otherAddresses = PKI.smimeLeaf("alice@example.org").addresses("bob@example.org", "carol@example.org").build().certificate();
        X509Certificate noAddress = PKI.smimeLeaf("alice@example.org").addresses().build().certificate();

        assertThat(subjectOnly.getSubjectAlternativeNames()).isNull();
        X500Name subject = X500Name.getInstance(subjectOnly.getSubjectX500Principal().getEncoded());
        assertThat(IETFUtils.valueToString(subject.getRDNs(BCStyle.EmailAddress)[0].getFirst().getValue())).isEqualTo("old@example.org");
        assertThat(IETFUtils.valueToString(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue())).isEqualTo("old@example.org");
        assertThat(subjectAlternativeNames(otherAddresses)).containsExactly(List.of(1, "bob@example.org"), List.of(1, "carol@example.org"));
        assertThat(X500Name.getInstance(otherAddresses.getSubjectX500Principal().getEncoded())).isEqualTo(new X500Name("CN=alice@example.org"));
        assertThat(noAddress.getSubjectAlternativeNames()).isNull();
    }

    @Test
    void keyUsageAndExtendedKeyUsageVariants() throws Exception {
        X509Certificate serverAuthOnly = PKI.smimeLeaf("a@example.org").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).build().certificate();
        X509Certificate noEku = PKI.smimeLeaf("a@example.org").noExtendedKeyUsage().build().certificate();
        X509Certificate signOnly = PKI.smimeLeaf("a@example.org").keyUsage(KeyUsage.digitalSignature).build().certificate();
        X509Certificate noKeyUsage = PKI.smimeLeaf("a@example.org").noKeyUsage().build().certificate();

        assertThat(serverAuthOnly.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(noEku.getExtendedKeyUsage()).isNull();
        assertThat(signOnly.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(noKeyUsage.getKeyUsage()).isNull();
    }

    @Test
    void issuedByTheRootOrSelfSigned() throws Exception {
        TestCredential byRoot = PKI.smimeLeaf("a@example.org").issuedByRoot().build();
        TestCredential selfSigned = PKI.smimeLeaf("a@example.org").selfSigned().build();

        byRoot.certificate().verify(PKI.root().getPublicKey());
        assertThat(byRoot.chain()).containsExactly(byRoot.certificate());
        assertThat(authorityKeyId(byRoot.certificate())).isEqualTo(subjectKeyId(PKI.root()));
        validate(byRoot.chain(), PKI.root());

        selfSigned.certificate().verify(selfSigned.certificate().getPublicKey());
        assertThat(selfSigned.certificate().getIssuerX500Principal()).isEqualTo(selfSigned.certificate().getSubjectX500Principal());
        assertThat(selfSigned.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(selfSigned.chain()).containsExactly(selfSigned.certificate());
        assertThatThrownBy(() -> validate(selfSigned.chain(), PKI.root())).isInstanceOf(CertPathValidatorException.class);
    }

    // ---- Server leaves

    @Test
    void serverLeafDefaults() throws Exception {
        X509Certificate rsa = PKI.serverLeaf("mail.example.org", "smtp.example.org").build().certificate();
        X509Certificate ec = PKI.serverLeaf("mail.example.org").ecKey("secp256r1").build().certificate();

        assertThat(X500Name.getInstance(rsa.getSubjectX500Principal().getEncoded())).isEqualTo(new X500Name("CN=mail.example.org"));
        assertThat(subjectAlternativeNames(rsa)).containsExactly(List.of(2, "mail.example.org"), List.of(2, "smtp.example.org"));
        assertThat(rsa.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(rsa.getKeyUsage()).containsExactly(true, false, true, false, false, false, false, false, false);
        assertThat(ec.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
        rsa.verify(PKI.intermediate().getPublicKey());
        validate(List.of(rsa, PKI.intermediate()), PKI.root());
    }

    // ---- CRLs

    @Test
    void intermediateCrlListsTheRevokedSerialAndVerifiesWithTheIntermediateKey() throws Exception {
        TestCredential revoked = PKI.smimeLeaf("revoked@example.org").build();

        X509CRL crl = PKI.intermediateCrl(revoked.certificate());

        crl.verify(PKI.intermediate().getPublicKey());
        assertThatThrownBy(() -> crl.verify(PKI.root().getPublicKey())).isInstanceOf(SignatureException.class);
        assertThat(crl.getIssuerX500Principal()).isEqualTo(PKI.intermediate().getSubjectX500Principal());
        assertThat(crl.getRevokedCertificates()).extracting(X509CRLEntry::getSerialNumber).containsExactly(revoked.certificate().getSerialNumber());
        assertThat(crl.getRevokedCertificate(revoked.certificate()).getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(ALICE.certificate())).isFalse();
        assertThat(crl.getThisUpdate().toInstant()).isCloseTo(Instant.now().minus(Duration.ofHours(1)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        assertThat(crl.getNextUpdate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(SLACK.toMillis(), ChronoUnit.MILLIS));
        assertThat(crlNumber(crl)).isPositive();
        assertThat(crlNumber(PKI.intermediateCrl())).isGreaterThan(crlNumber(crl));
    }

    @Test
    void rootCrlRevokesTheIntermediate() throws Exception {
        X509CRL crl = PKI.rootCrl(PKI.intermediate());

        crl.verify(PKI.root().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(PKI.root().getSubjectX500Principal());
        assertThat(crl.isRevoked(PKI.intermediate())).isTrue();
        assertThat(PKI.rootCrl().getRevokedCertificates()).isNull();
    }

    // ---- PKCS#12

    @Test
    void pkcs12OpensInTheJdkWithTheKeyAndAChainOfTwo() throws Exception {
        KeyStore store = loadJdk(ALICE.pkcs12(PASSWORD), PASSWORD);

        assertThat(Collections.list(store.aliases())).containsExactly("alice@example.org");
        assertThat(store.isKeyEntry("alice@example.org")).isTrue();
        assertThat(store.getKey("alice@example.org", PASSWORD.toCharArray()).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
        assertThat(store.getCertificateChain("alice@example.org")).containsExactly(ALICE.certificate(), PKI.intermediate());
    }

    @Test
    void pkcs12IsTheOpenSsl3DefaultFormat() throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(ALICE.pkcs12(PASSWORD));

        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(CryptoProvider.BOUNCY_CASTLE), PASSWORD.toCharArray())).isTrue();
        assertThat(pfx.getContentInfos()).extracting(ContentInfo::getContentType)
            .containsExactly(PKCSObjectIdentifiers.encryptedData, PKCSObjectIdentifiers.data);
        PKCS12SafeBag keyBag = bags(pfx, PASSWORD).stream().filter(bag -> bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)).findFirst().orElseThrow();
        assertThat(((PKCS8EncryptedPrivateKeyInfo) keyBag.getBagValue()).getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
    }

    @Test
    void wrongPasswordAndTruncatedFilesDoNotLoad() {
        assertThatThrownBy(() -> loadJdk(ALICE.pkcs12(PASSWORD), "wrong")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> loadJdk(ALICE.pkcs12Legacy(PASSWORD), "wrong")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> loadJdk(TestBytes.truncated(ALICE.pkcs12(PASSWORD)), PASSWORD)).isInstanceOf(Exception.class);
    }

    @Test
    void legacyPkcs12UsesTripleDesAndASha1MacAndOpensInTheJdk() throws Exception {
        byte[] legacy = ALICE.pkcs12Legacy(PASSWORD);
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(legacy);

        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(OIWObjectIdentifiers.idSHA1);
        PKCS12SafeBag keyBag = bags(pfx, PASSWORD).stream().filter(bag -> bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)).findFirst().orElseThrow();
        assertThat(((PKCS8EncryptedPrivateKeyInfo) keyBag.getBagValue()).getEncryptionAlgorithm().getAlgorithm())
            .isEqualTo(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC);

        KeyStore store = loadJdk(legacy, PASSWORD);
        assertThat(store.getKey("alice@example.org", PASSWORD.toCharArray()).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
        assertThat(store.getCertificateChain("alice@example.org")).containsExactly(ALICE.certificate(), PKI.intermediate());
    }

    @Test
    void pkcs12WithoutKeyHasNoKeyEntry() throws Exception {
        byte[] certificatesOnly = ALICE.pkcs12WithoutKey(PASSWORD);
        KeyStore store = loadJdk(certificatesOnly, PASSWORD);

        for (String alias : Collections.list(store.aliases())) {
            assertThat(store.isKeyEntry(alias)).as(alias).isFalse();
        }
        List<PKCS12SafeBag> bags = bags(new PKCS12PfxPdu(certificatesOnly), PASSWORD);
        assertThat(bags).extracting(PKCS12SafeBag::getType).containsOnly(PKCSObjectIdentifiers.certBag).hasSize(2);
    }

    @Test
    void pkcs12WithForeignKeyPairsTheCertificateWithAnotherKey() throws Exception {
        PrivateKey other = PKI.smimeLeaf("mallory@example.org").build().privateKey();
        KeyStore store = loadJdk(ALICE.pkcs12WithForeignKey(PASSWORD, other), PASSWORD);

        PrivateKey key = (PrivateKey) store.getKey("alice@example.org", PASSWORD.toCharArray());
        assertThat(key.getEncoded()).isEqualTo(other.getEncoded());
        assertThat(store.getCertificate("alice@example.org")).isEqualTo(ALICE.certificate());
        assertThat(signsFor(key, ALICE.certificate().getPublicKey())).isFalse();
    }

    @Test
    void selfSignedPkcs12CarriesTheLeafOnly() throws Exception {
        TestCredential selfSigned = PKI.smimeLeaf("self@example.org").selfSigned().build();

        assertThat(loadJdk(selfSigned.pkcs12(PASSWORD), PASSWORD).getCertificateChain("self@example.org")).containsExactly(selfSigned.certificate());
    }

    @Test
    void pkcs12OpensWithTheOpenSslCli() throws Exception {
        Path modern = Files.write(directory.resolve("alice.p12"), ALICE.pkcs12(PASSWORD));
        Path legacy = Files.write(directory.resolve("alice-legacy.p12"), ALICE.pkcs12Legacy(PASSWORD));

        for (Path file : List.of(modern, legacy)) {
            OpenSsl result = openssl("pkcs12", "-in", file.toString(), "-passin", "pass:" + PASSWORD, "-nodes");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("BEGIN PRIVATE KEY").contains("friendlyName: alice@example.org");
            assertThat(countOf(result.output(), "BEGIN CERTIFICATE")).isEqualTo(2);
        }
        assertThat(openssl("pkcs12", "-in", modern.toString(), "-passin", "pass:wrong", "-nodes").exitCode()).isNotZero();
    }

    // ---- PEM and fingerprints

    @Test
    void opensslAgreesWithTheChainAndTheFingerprint() throws Exception {
        Path root = Files.writeString(directory.resolve("root.pem"), TestPki.pem(PKI.root()));
        Path intermediate = Files.writeString(directory.resolve("intermediate.pem"), TestPki.pem(PKI.intermediate()));
        Path leaf = Files.writeString(directory.resolve("leaf.pem"), ALICE.certificatePem());

        OpenSsl verify = openssl("verify", "-CAfile", root.toString(), "-untrusted", intermediate.toString(), "-purpose", "smimesign", leaf.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();

        OpenSsl fingerprint = openssl("x509", "-in", leaf.toString(), "-noout", "-fingerprint", "-sha256");
        assertThat(fingerprint.output().trim().replace(":", "").toLowerCase()).endsWith("=" + ALICE.fingerprint());
        assertThat(ALICE.fingerprint())
            .matches("[0-9a-f]{64}")
            .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ALICE.certificate().getEncoded())));
    }

    @Test
    void certificateAndCrlPemParseBack() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509CRL crl = PKI.intermediateCrl(ALICE.certificate());

        assertThat(ALICE.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(factory.generateCertificate(new ByteArrayInputStream(ALICE.certificatePem().getBytes(StandardCharsets.US_ASCII))))
            .isEqualTo(ALICE.certificate());
        Collection<?> chain = factory.generateCertificates(new ByteArrayInputStream(ALICE.chainPem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(new ArrayList<Object>(chain)).containsExactly(ALICE.certificate(), PKI.intermediate());
        assertThat(TestPki.pem(PKI.root(), PKI.intermediate())).isEqualTo(TestPki.pem(PKI.root()) + TestPki.pem(PKI.intermediate()));
        assertThat(TestPki.pem(crl)).startsWith("-----BEGIN X509 CRL-----");
        assertThat(factory.generateCRL(new ByteArrayInputStream(TestPki.pem(crl).getBytes(StandardCharsets.US_ASCII)))).isEqualTo(crl);
    }

    @Test
    void privateKeyPemForms() throws Exception {
        TestCredential ec = PKI.smimeLeaf("a@example.org").ecKey("secp256r1").build();

        assertThat(ALICE.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(ALICE.privateKeyPkcs1Pem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(ec.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(ec.privateKeyPkcs1Pem()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(parsePrivateKey(ALICE.privateKeyPkcs8Pem()).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());

        String encrypted = ALICE.encryptedPrivateKeyPem(PASSWORD);
        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        PKCS8EncryptedPrivateKeyInfo info = (PKCS8EncryptedPrivateKeyInfo) new PEMParser(new StringReader(encrypted)).readObject();
        assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PrivateKey decrypted = new JcaPEMKeyConverter().setProvider(CryptoProvider.BOUNCY_CASTLE).getPrivateKey(info.decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(PASSWORD.toCharArray())));
        assertThat(decrypted.getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());

        Path file = Files.writeString(directory.resolve("key.pem"), encrypted);
        OpenSsl openssl = openssl("pkey", "-in", file.toString(), "-passin", "pass:" + PASSWORD);
        assertThat(openssl.exitCode()).as(openssl.output()).isZero();
        assertThat(openssl.output()).contains("BEGIN PRIVATE KEY");
    }

    @Test
    void truncatedIsTheFirstHalf() {
        byte[] data = {1, 2, 3, 4, 5};

        assertThat(TestBytes.truncated(data)).containsExactly(1, 2);
    }

    // ---- Helpers

    private static PKIXCertPathValidatorResult validate(List<X509Certificate> chain, X509Certificate anchor) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
            .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }

    private static KeyStore loadJdk(byte[] pkcs12, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        assertThat(store.getProvider().getName()).isEqualTo("SUN");
        store.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
        return store;
    }

    private static List<PKCS12SafeBag> bags(PKCS12PfxPdu pfx, String password) throws Exception {
        List<PKCS12SafeBag> bags = new ArrayList<>();
        for (ContentInfo info : pfx.getContentInfos()) {
            PKCS12SafeBagFactory contents = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                ? new PKCS12SafeBagFactory(info, new JcePKCSPBEInputDecryptorProviderBuilder()
                    .setProvider(CryptoProvider.BOUNCY_CASTLE).build(password.toCharArray()))
                : new PKCS12SafeBagFactory(info);
            bags.addAll(List.of(contents.getSafeBags()));
        }
        return bags;
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        return SubjectKeyIdentifier.getInstance(extension(certificate, Extension.subjectKeyIdentifier)).getKeyIdentifier();
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        return AuthorityKeyIdentifier.getInstance(extension(certificate, Extension.authorityKeyIdentifier)).getKeyIdentifierObject().getOctets();
    }

    private static byte[] extension(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        byte[] value = certificate.getExtensionValue(oid.getId());
        assertThat(value).as(oid.getId()).isNotNull();
        return ASN1OctetString.getInstance(value).getOctets();
    }

    private static BigInteger crlNumber(X509CRL crl) {
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(crl.getExtensionValue(Extension.cRLNumber.getId())).getOctets()).getValue();
    }

    private static List<List<?>> subjectAlternativeNames(X509Certificate certificate) throws Exception {
        return new ArrayList<>(certificate.getSubjectAlternativeNames());
    }

    private static int rsaBits(TestCredential credential) {
        return ((RSAPublicKey) credential.certificate().getPublicKey()).getModulus().bitLength();
    }

    /** The JDK no longer signs on every named curve (secp224r1): check EC pairs with Bouncy Castle's key objects. */
    private static PublicKey toBouncyCastle(PublicKey key) throws Exception {
        return KeyFactory.getInstance(key.getAlgorithm(), CryptoProvider.BOUNCY_CASTLE)
            .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    }

    private static void assertKeyPair(PrivateKey privateKey, PublicKey publicKey) throws Exception {
        assertThat(signsFor(privateKey, publicKey)).as("private key matches the certificate").isTrue();
    }

    private static boolean signsFor(PrivateKey privateKey, PublicKey publicKey) throws Exception {
        String algorithm = privateKey.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] data = "proof of possession".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm, CryptoProvider.BOUNCY_CASTLE);
        signer.initSign(privateKey);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, CryptoProvider.BOUNCY_CASTLE);
        verifier.initVerify(publicKey);
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static PrivateKey parsePrivateKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter().setProvider(CryptoProvider.BOUNCY_CASTLE)
                .getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    private static int countOf(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    private record OpenSsl(int exitCode, String output) {
    }

    private static OpenSsl openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new OpenSsl(process.exitValue(), output);
    }
}
