package org.hostedsmime.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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

/**
 * An end-entity certificate to issue, from {@link TestPki#smimeLeaf} or {@link TestPki#serverLeaf}.
 *
 * <p>Defaults: issued by the intermediate; a fresh RSA-2048 key; SHA256withRSA; valid from a day ago for
 * 365 days; a random positive serial; subject {@code CN=<address or first DNS name>}; the names in the subject
 * alternative name (rfc822Name for S/MIME, dNSName for servers); BasicConstraints CA=false; SKI/AKI; key
 * usage (critical) and extended key usage fit for the purpose:
 * <ul>
 *   <li>S/MIME: digitalSignature|keyEncipherment (RSA) or digitalSignature|keyAgreement (EC), emailProtection;</li>
 *   <li>server: digitalSignature|keyEncipherment (RSA) or digitalSignature (EC), serverAuth.</li>
 * </ul>
 * Every method changes one thing; {@link #build()} can be called more than once (a fresh key each time unless
 * {@link #keyPair(KeyPair)} was given).
 */
public final class LeafBuilder {
    private enum Purpose { SMIME, SERVER }

    private final TestPki pki;
    private final Purpose purpose;
    private final String commonName;
    private List<String> names;
    private Instant notBefore;
    private Instant notAfter;
    private String signatureAlgorithm;
    private int rsaBits = 2048;
    private String ecCurve;
    private KeyPair keyPair;
    private boolean emailInSubjectOnly;
    private KeyPurposeId[] extendedKeyUsage;
    private boolean noExtendedKeyUsage;
    private Integer keyUsage;
    private boolean noKeyUsage;
    private boolean issuedByRoot;
    private boolean selfSigned;
    private BigInteger serial;

    private LeafBuilder(TestPki pki, Purpose purpose, List<String> names) {
        this.pki = pki;
        this.purpose = purpose;
        this.names = names;
        this.commonName = names.get(0);
        Instant now = Instant.now();
        this.notBefore = now.minus(Duration.ofDays(1));
        this.notAfter = now.plus(Duration.ofDays(365));
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

    /** Valid from 400 days ago until yesterday. */
    public LeafBuilder expired() {
        Instant now = Instant.now();
        return validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
    }

    /** Valid from 10 days from now, for 365 days. */
    public LeafBuilder notYetValid() {
        Instant notBefore = Instant.now().plus(Duration.ofDays(10));
        return validity(notBefore, notBefore.plus(Duration.ofDays(365)));
    }

    /** How the issuer signs, e.g. {@code SHA1withRSA} or {@code MD5withRSA}. */
    public LeafBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = jcaName;
        return this;
    }

    /** A fresh RSA key of this size instead of RSA-2048. */
    public LeafBuilder rsaKey(int bits) {
        this.rsaBits = bits;
        this.ecCurve = null;
        this.keyPair = null;
        return this;
    }

    /** A fresh EC key on this named curve, e.g. {@code secp256r1}, {@code secp384r1}, {@code secp224r1}. */
    public LeafBuilder ecKey(String curve) {
        this.ecCurve = curve;
        this.keyPair = null;
        return this;
    }

    /** This key pair instead of a fresh one, e.g. to renew a certificate for the same key. */
    public LeafBuilder keyPair(KeyPair keyPair) {
        this.keyPair = keyPair;
        return this;
    }

    /**
     * S/MIME only: each address as an emailAddress ({@code E=}) attribute of the subject DN after the CN, and no
     * subject alternative name, as very old certificates have it.
     */
    public LeafBuilder emailInSubjectOnly() {
        if (purpose != Purpose.SMIME) {
            throw new IllegalStateException("emailInSubjectOnly() is for S/MIME certificates");
        }
        this.emailInSubjectOnly = true;
        return this;
    }

    /**
     * Replaces the names of the subject alternative name (rfc822Names for S/MIME, dNSNames for a server); the
     * subject CN stays the name the builder was created with. No names: no subject alternative name.
     */
    public LeafBuilder addresses(String... names) {
        this.names = List.of(names);
        return this;
    }

    /** Replaces the default extended key usage, e.g. {@code KeyPurposeId.id_kp_serverAuth} only. */
    public LeafBuilder extendedKeyUsage(KeyPurposeId... purposes) {
        this.extendedKeyUsage = purposes.clone();
        this.noExtendedKeyUsage = false;
        return this;
    }

    public LeafBuilder noExtendedKeyUsage() {
        this.noExtendedKeyUsage = true;
        return this;
    }

    /** Replaces the default key usage: bits of {@link KeyUsage}, e.g. {@code KeyUsage.digitalSignature}. */
    public LeafBuilder keyUsage(int bcKeyUsageBits) {
        this.keyUsage = bcKeyUsageBits;
        this.noKeyUsage = false;
        return this;
    }

    public LeafBuilder noKeyUsage() {
        this.noKeyUsage = true;
        return this;
    }

    /** Issued directly by the root: the chain is the leaf alone, the root being the trust anchor. */
    public LeafBuilder issuedByRoot() {
        this.issuedByRoot = true;
        this.selfSigned = false;
        return this;
    }

    /** Self-signed end entity (BasicConstraints CA=false); the chain is the leaf alone. */
    public LeafBuilder selfSigned() {
        this.selfSigned = true;
        this.issuedByRoot = false;
        return this;
    }

    public LeafBuilder serialNumber(BigInteger serial) {
        this.serial = serial;
        return this;
    }

    public TestCredential build() {
        KeyPair keys = keyPair != null ? keyPair
            : ecCurve != null ? TestPki.ecKeyPair(ecCurve)
            : TestPki.rsaKeyPair(rsaBits);
        boolean ec = keys.getPublic().getAlgorithm().startsWith("EC");
        X500Name subject = subject();
        X509Certificate issuer = selfSigned ? null : pki.issuer(issuedByRoot);
        X500Name issuerName = selfSigned ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        PrivateKey signingKey = selfSigned ? keys.getPrivate() : pki.issuerKey(issuedByRoot);

        try {
            JcaX509ExtensionUtils extensions = TestPki.extensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                serial != null ? serial : TestPki.randomSerial(), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(selfSigned ? keys.getPublic() : issuer.getPublicKey()));
            if (!noKeyUsage) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage != null ? keyUsage : defaultKeyUsage(ec)));
            }
            if (!noExtendedKeyUsage) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    extendedKeyUsage != null ? extendedKeyUsage : new KeyPurposeId[] {defaultPurpose()}));
            }
            if (!emailInSubjectOnly && !names.isEmpty()) {
                int tag = purpose == Purpose.SMIME ? GeneralName.rfc822Name : GeneralName.dNSName;
                builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.stream().map(name -> new GeneralName(tag, name)).toArray(GeneralName[]::new)));
            }

            X509Certificate certificate = TestPki.toJdk(builder.build(TestPki.signer(signatureAlgorithm(signingKey), signingKey)));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            if (!selfSigned && !issuedByRoot) {
                chain.add(pki.intermediate());
            }
            return new TestCredential(certificate, keys.getPrivate(), chain);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot issue the test certificate", e);
        }
    }

    private X500Name subject() {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName);
        if (emailInSubjectOnly) {
            names.forEach(address -> subject.addRDN(BCStyle.EmailAddress, address));
        }
        return subject.build();
    }

    private String signatureAlgorithm(PrivateKey signingKey) {
        if (signatureAlgorithm != null) {
            return signatureAlgorithm;
        }
        return signingKey.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private int defaultKeyUsage(boolean ec) {
        if (ec) {
            return purpose == Purpose.SMIME ? KeyUsage.digitalSignature | KeyUsage.keyAgreement : KeyUsage.digitalSignature;
        }
        return KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
    }

    private KeyPurposeId defaultPurpose() {
        return purpose == Purpose.SMIME ? KeyPurposeId.id_kp_emailProtection : KeyPurposeId.id_kp_serverAuth;
    }

    @Override
    public String toString() {
        return "LeafBuilder[" + purpose + " " + names + "]";
    }
}
