package org.hostedsmime.core.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * A small certificate authority for tests: a root, an intermediate under it, end-entity certificates (S/MIME
 * or TLS server, see {@link LeafBuilder}) with the variants the product must recognise, and CRLs.
 * Everything is generated in code; the two CA key pairs are generated once per instance, so share an
 * instance (a {@code static final} field) across the tests of a class.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create("Example");
 * TestCredential alice = pki.smimeLeaf("alice@example.org").build();
 * TestCredential old = pki.smimeLeaf("bob@example.org").expired().signatureAlgorithm("SHA1withRSA").build();
 * X509CRL crl = pki.intermediateCrl(old.certificate());
 * }</pre>
 *
 * Keys are generated and certificates signed with {@link CryptoProvider#BOUNCY_CASTLE}; certificates and CRLs
 * are handed out as the JDK's own {@code X.509} objects, the kind the product gets when it parses a file.
 */
public final class TestPki {
    static final String ORGANISATION = "Hosted S/MIME tests";

    private static final Duration CA_BACKDATE = Duration.ofDays(30);
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);

    private final String name;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;
    private final AtomicLong crlNumber = new AtomicLong();

    private TestPki(String name) {
        Instant now = Instant.now();
        this.name = name;
        this.rootKeys = rsaKeyPair(2048);
        X500Name rootName = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, name + " Root CA")
            .addRDN(BCStyle.O, ORGANISATION)
            .build();
        this.root = caCertificate(rootName, rootKeys.getPublic(), rootName, rootKeys, 1, now);
        this.intermediateKeys = rsaKeyPair(2048);
        X500Name intermediateName = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, name + " Intermediate CA")
            .build();
        this.intermediate = caCertificate(intermediateName, intermediateKeys.getPublic(), rootName, rootKeys, 0, now);
    }

    /**
     * A root {@code CN=<name> Root CA, O=Hosted S/MIME tests} (pathLen 1) and an intermediate
     * {@code CN=<name> Intermediate CA} (pathLen 0) issued by it: RSA-2048, SHA256withRSA, valid from 30 days
     * ago for 10 years.
     */
    public static TestPki create(String name) {
        return new TestPki(name);
    }

    public String name() {
        return name;
    }

    public X509Certificate root() {
        return root;
    }

    public PrivateKey rootKey() {
        return rootKeys.getPrivate();
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    public PrivateKey intermediateKey() {
        return intermediateKeys.getPrivate();
    }

    /**
     * An S/MIME certificate for {@code emailAddress}: subject {@code CN=<emailAddress>}, the address as the
     * rfc822Name of the subject alternative name, issued by the intermediate. See {@link LeafBuilder}.
     */
    public LeafBuilder smimeLeaf(String emailAddress) {
        return LeafBuilder.smime(this, emailAddress);
    }

    /** A TLS server certificate: subject {@code CN=<first name>}, every name as a dNSName, EKU serverAuth. */
    public LeafBuilder serverLeaf(String... dnsNames) {
        if (dnsNames.length == 0) {
            throw new IllegalArgumentException("A server certificate needs at least one DNS name");
        }
        return LeafBuilder.server(this, dnsNames);
    }

    /**
     * A CRL signed by the intermediate listing {@code revoked} (reason keyCompromise): thisUpdate an hour ago,
     * nextUpdate in 7 days, a CRL number that grows with every CRL this PKI issues.
     */
    public X509CRL intermediateCrl(X509Certificate... revoked) {
        return crl(intermediate, intermediateKeys.getPrivate(), revoked);
    }

    /** A CRL signed by the root, e.g. revoking the intermediate. */
    public X509CRL rootCrl(X509Certificate... revoked) {
        return crl(root, rootKeys.getPrivate(), revoked);
    }

    /** {@code BEGIN CERTIFICATE} blocks, in the given order. */
    public static String pem(X509Certificate... certificates) {
        return pemOf((Object[]) certificates);
    }

    /** {@code BEGIN CERTIFICATE} blocks, in the given order. */
    public static String pem(List<X509Certificate> certificates) {
        return pemOf(certificates.toArray());
    }

    /** A {@code BEGIN X509 CRL} block. */
    public static String pem(X509CRL crl) {
        return pemOf(crl);
    }

    X509Certificate issuer(boolean root) {
        return root ? this.root : intermediate;
    }

    PrivateKey issuerKey(boolean root) {
        return root ? rootKeys.getPrivate() : intermediateKeys.getPrivate();
    }

    /** Anything Bouncy Castle's PEM writer knows: certificates, CRLs, keys, PEM object generators. */
    static String pemOf(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", CryptoProvider.BOUNCY_CASTLE);
            generator.initialize(bits, CryptoProvider.random());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA-" + bits + " key pair", e);
        }
    }

    static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec(curve), CryptoProvider.random());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an EC key pair on " + curve, e);
        }
    }

    /** Random, positive, at most 16 octets. */
    static BigInteger randomSerial() {
        return new BigInteger(120, CryptoProvider.random()).add(BigInteger.ONE);
    }

    static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentSigner signer(String algorithm, PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(algorithm)
                .setProvider(CryptoProvider.BOUNCY_CASTLE)
                .setSecureRandom(CryptoProvider.random())
                .build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with " + algorithm, e);
        }
    }

    static X509Certificate toJdk(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate caCertificate(X500Name subject, PublicKey subjectKey, X500Name issuerName, KeyPair issuerKeys,
                                                 int pathLength, Instant now) {
        try {
            JcaX509ExtensionUtils extensions = extensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, randomSerial(),
                Date.from(now.minus(CA_BACKDATE)), Date.from(now.plus(CA_LIFETIME)), subject, subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            return toJdk(builder.build(signer("SHA256withRSA", issuerKeys.getPrivate())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, X509Certificate... revoked) {
        try {
            Instant thisUpdate = Instant.now().minus(Duration.ofHours(1));
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofHours(1)).plus(Duration.ofDays(7))));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensionUtils().createAuthorityKeyIdentifier(issuer.getPublicKey()));
            byte[] encoded = builder.build(signer("SHA256withRSA", issuerKey)).getEncoded();
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot issue the test CRL", e);
        }
    }
}
