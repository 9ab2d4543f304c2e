package org.hostedsmime.core.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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

import org.bouncycastle.asn1.x500.X500Name;
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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * A small certificate authority for tests: a root, an intermediate under it, and end-entity certificates
 * (S/MIME or TLS server) issued by either, with the variants the product must recognise (expired, SHA-1,
 * RSA-1024, wrong address, no email protection, self-signed...) and CRLs. Everything is generated in code.
 */
public final class TestPki {
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final String name;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;

    private TestPki(String name) {
        this.name = name;
        Instant now = Instant.now();
        this.rootKeys = rsaKeyPair(2048);
        X500Name rootName = new X500Name("CN=" + name + " Root CA, O=Hosted S/MIME tests");
        this.root = caCertificate(rootName, rootKeys.getPublic(), rootName, rootKeys, null, 1, now);
        this.intermediateKeys = rsaKeyPair(2048);
        this.intermediate = caCertificate(new X500Name("CN=" + name + " Intermediate CA, O=Hosted S/MIME tests"),
            intermediateKeys.getPublic(), rootName, rootKeys, root, 0, now);
    }

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

    /** An S/MIME certificate for {@code emailAddress}, issued by the intermediate; see {@link LeafBuilder}. */
    public LeafBuilder smimeLeaf(String emailAddress) {
        return LeafBuilder.smime(this, emailAddress);
    }

    /** A TLS server certificate for the given DNS names, issued by the intermediate. */
    public LeafBuilder serverLeaf(String... dnsNames) {
        return LeafBuilder.server(this, dnsNames);
    }

    /** A CRL of the intermediate CA listing {@code revoked} (reason keyCompromise). */
    public X509CRL intermediateCrl(X509Certificate... revoked) {
        return crl(intermediate, intermediateKeys.getPrivate(), revoked);
    }

    /** A CRL of the root CA, e.g. revoking the intermediate. */
    public X509CRL rootCrl(X509Certificate... revoked) {
        return crl(root, rootKeys.getPrivate(), revoked);
    }

    KeyPair issuerKeys(boolean byRoot) {
        return byRoot ? rootKeys : intermediateKeys;
    }

    X509Certificate issuer(boolean byRoot) {
        return byRoot ? root : intermediate;
    }

    public static String pem(Object... objects) {
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
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BigInteger randomSerial() {
        return new BigInteger(120, CryptoProvider.random()).add(BigInteger.ONE);
    }

    static X509Certificate toJdk(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate caCertificate(X500Name subject, PublicKey subjectKey, X500Name issuerName, KeyPair issuerKeys,
                                                 X509Certificate issuer, int pathLength, Instant now) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, randomSerial(),
                Date.from(now.minus(Duration.ofDays(30))), Date.from(now.plus(Duration.ofDays(3650))), subject, subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                ? extensions.createAuthorityKeyIdentifier(subjectKey)
                : extensions.createAuthorityKeyIdentifier(issuer));
            return toJdk(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, X509Certificate... revoked) {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(now.minus(Duration.ofHours(1))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(30))), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
            byte[] encoded = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)).getEncoded();
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(encoded));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
