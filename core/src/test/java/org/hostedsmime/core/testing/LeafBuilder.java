package org.hostedsmime.core.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * An end-entity certificate to issue. Defaults: issued by the intermediate, a fresh RSA-2048 key,
 * SHA256withRSA, valid from yesterday for a year, CN = the first name, the names in the subject alternative
 * name, key usage fit for the purpose.
 */
public final class LeafBuilder {
    private enum Purpose { SMIME, SERVER }

    private final TestPki pki;
    private final Purpose purpose;
    private final String commonName;
    private List<String> names;
    private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
    private String signatureAlgorithm = "SHA256withRSA";
    private Optional<Integer> rsaBits = Optional.empty();
    private Optional<String> ecCurve = Optional.empty();
    private boolean emailInSubjectOnly;
    private Optional<KeyPurposeId[]> extendedKeyUsage = Optional.empty();
    private boolean noExtendedKeyUsage;
    private Optional<Integer> keyUsage = Optional.empty();
    private boolean noKeyUsage;
    private boolean issuedByRoot;
    private boolean selfSigned;
    private Optional<BigInteger> serial = Optional.empty();
    private Optional<KeyPair> keyPair = Optional.empty();

    private LeafBuilder(TestPki pki, Purpose purpose, List<String> names) {
        this.pki = pki;
        this.purpose = purpose;
        this.names = names;
        this.commonName = names.get(0);
    }

    static LeafBuilder smime(TestPki pki, String emailAddress) {
        return new LeafBuilder(pki, Purpose.SMIME, List.of(emailAddress));
    }

    static LeafBuilder server(TestPki pki, String... dnsNames) {
        return new LeafBuilder(pki, Purpose.SERVER, List.of(dnsNames));
    }

    public LeafBuilder validity(Instant notBefore, Instant notAfter) {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    public LeafBuilder expired() {
        return validity(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(1)));
    }

    public LeafBuilder notYetValid() {
        return validity(Instant.now().plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(400)));
    }

    /** How the issuer signs, e.g. {@code SHA1withRSA}. */
    public LeafBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = jcaName;
        return this;
    }

    public LeafBuilder rsaKey(int bits) {
        this.rsaBits = Optional.of(bits);
        this.ecCurve = Optional.empty();
        return this;
    }

    /** e.g. {@code secp256r1}, {@code secp384r1}, {@code secp224r1}. */
    public LeafBuilder ecKey(String curve) {
        this.ecCurve = Optional.of(curve);
        this.rsaBits = Optional.empty();
        return this;
    }

    /** Uses this key pair instead of a fresh one. */
    public LeafBuilder keyPair(KeyPair keyPair) {
        this.keyPair = Optional.of(keyPair);
        return this;
    }

    /** The address as the legacy emailAddress attribute of the subject DN, no subject alternative name. */
    public LeafBuilder emailInSubjectOnly() {
        this.emailInSubjectOnly = true;
        return this;
    }

    /** Replaces the subject alternative names (rfc822Name for S/MIME, dNSName for servers). */
    public LeafBuilder addresses(String... names) {
        this.names = List.of(names);
        return this;
    }

    public LeafBuilder extendedKeyUsage(KeyPurposeId... purposes) {
        this.extendedKeyUsage = Optional.of(purposes);
        this.noExtendedKeyUsage = false;
        return this;
    }

    public LeafBuilder noExtendedKeyUsage() {
        this.noExtendedKeyUsage = true;
        return this;
    }

    /** Bits of {@link KeyUsage}, e.g. {@code KeyUsage.digitalSignature}. */
    public LeafBuilder keyUsage(int bits) {
        this.keyUsage = Optional.of(bits);
        this.noKeyUsage = false;
        return this;
    }

    public LeafBuilder noKeyUsage() {
        this.noKeyUsage = true;
        return this;
    }

    /** Issued directly by the root: the chain a PKCS#12 carries is the leaf alone. */
    public LeafBuilder issuedByRoot() {
        this.issuedByRoot = true;
        return this;
    }

    /** Self-signed end entity (not a CA). */
    public LeafBuilder selfSigned() {
        this.selfSigned = true;
        return this;
    }

    public LeafBuilder serialNumber(BigInteger serial) {
        this.serial = Optional.of(serial);
        return this;
    }

    public TestCredential build() {
        try {
            KeyPair keys = keyPair.orElseGet(() -> ecCurve.map(TestPki::ecKeyPair).orElseGet(() -> TestPki.rsaKeyPair(rsaBits.orElse(2048))));
            boolean ec = keys.getPublic().getAlgorithm().startsWith("EC");
            X500Name subject = subject();
            X500Name issuerName = selfSigned ? subject : X500Name.getInstance(pki.issuer(issuedByRoot).getSubjectX500Principal().getEncoded());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial.orElseGet(TestPki::randomSerial),
                java.util.Date.from(notBefore), java.util.Date.from(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (!selfSigned) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(pki.issuer(issuedByRoot)));
            }
            if (!noKeyUsage) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage.orElse(defaultKeyUsage(ec))));
            }
            if (!noExtendedKeyUsage) {
                KeyPurposeId[] purposes = extendedKeyUsage.orElse(new KeyPurposeId[] {
                    purpose == Purpose.SMIME ? KeyPurposeId.id_kp_emailProtection : KeyPurposeId.id_kp_serverAuth});
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            }
            if (!(purpose == Purpose.SMIME && emailInSubjectOnly) && !names.isEmpty()) {
                int tag = purpose == Purpose.SMIME ? GeneralName.rfc822Name : GeneralName.dNSName;
                builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.stream().map(name -> new GeneralName(tag, name)).toArray(GeneralName[]::new)));
            }

            java.security.PrivateKey signingKey = selfSigned ? keys.getPrivate() : pki.issuerKeys(issuedByRoot).getPrivate();
            String algorithm = selfSigned && ec ? "SHA256withECDSA" : signatureAlgorithm;
            X509Certificate certificate = TestPki.toJdk(builder.build(new JcaContentSignerBuilder(algorithm)
                .setProvider(CryptoProvider.BOUNCY_CASTLE).build(signingKey)));

            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            if (!selfSigned && !issuedByRoot) {
                chain.add(pki.intermediate());
            }
            return new TestCredential(certificate, keys.getPrivate(), chain);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue the test certificate", e);
        }
    }

    private X500Name subject() {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        if (purpose == Purpose.SMIME && emailInSubjectOnly) {
            subject.addRDN(BCStyle.EmailAddress, commonName);
        }
        subject.addRDN(BCStyle.CN, commonName);
        return subject.build();
    }

    private int defaultKeyUsage(boolean ec) {
        if (purpose == Purpose.SERVER) {
            return ec ? KeyUsage.digitalSignature : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
        }
        return ec ? KeyUsage.digitalSignature | KeyUsage.keyAgreement : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
    }

    @Override
    public String toString() {
        return "LeafBuilder" + Arrays.asList(purpose, names);
    }
}
