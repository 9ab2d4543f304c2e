package org.hostedsmime.core.testing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * An issued test certificate, its private key and the chain a PKCS#12 file carries: the certificate first,
 * then the intermediate when it is the issuer, never the root. Plus the file formats users and administrators
 * hand over (PKCS#12 in several flavours, PEM).
 */
public record TestCredential(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {
    private static final int ITERATIONS = 2048;

    /** How the safe contents and the key are encrypted, and how the whole file is MACed. */
    private enum Pkcs12Format {
        /** OpenSSL 3 and current JDK defaults: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), HMAC-SHA256 MAC. */
        MODERN,
        /** Older Windows and Java: pbeWithSHAAnd3-KeyTripleDES-CBC, HMAC-SHA1 MAC. */
        LEGACY
    }

    public TestCredential {
        chain = List.copyOf(chain);
    }

    /** The chain without the certificate itself: what comes with it in a PKCS#12 file or a signature. */
    public List<X509Certificate> issuersOnly() {
        return chain.subList(1, chain.size());
    }

    /** SHA-256 of the DER certificate, lowercase hex without colons. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The subject's CN (the email address of an S/MIME certificate, the first DNS name of a server one): the
     * friendly name (alias) of the PKCS#12 entries.
     */
    public String commonName() {
        RDN[] cn = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 0 ? certificate.getSubjectX500Principal().getName() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /**
     * PKCS#12 as OpenSSL 3 writes it by default: key and certificates encrypted with PBES2 (PBKDF2-HMAC-SHA256,
     * AES-256-CBC), HMAC-SHA256 MAC. Opens with {@code openssl pkcs12} and {@code KeyStore.getInstance("PKCS12")}.
     */
    public byte[] pkcs12(String password) {
        return pkcs12(password, privateKey, Pkcs12Format.MODERN);
    }

    /** PKCS#12 as older Windows and Java export it: 3DES/SHA-1 PBE for key and certificates, SHA-1 MAC. */
    public byte[] pkcs12Legacy(String password) {
        return pkcs12(password, privateKey, Pkcs12Format.LEGACY);
    }

    /** The certificates only, no key bag. */
    public byte[] pkcs12WithoutKey(String password) {
        return pkcs12(password, null, Pkcs12Format.MODERN);
    }

    /** The certificate and chain with a private key that is not the certificate's (same local key id). */
    public byte[] pkcs12WithForeignKey(String password, PrivateKey otherKey) {
        return pkcs12(password, otherKey, Pkcs12Format.MODERN);
    }

    /** {@code BEGIN CERTIFICATE}. */
    public String certificatePem() {
        return TestPki.pem(certificate);
    }

    /** The whole chain, the certificate first. */
    public String chainPem() {
        return TestPki.pem(chain);
    }

    /** {@code BEGIN PRIVATE KEY} (PKCS#8). */
    public String privateKeyPkcs8Pem() {
        try {
            return TestPki.pemOf(new JcaPKCS8Generator(privateKey, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) for an RSA key, {@code BEGIN EC PRIVATE KEY} (SEC 1) for an EC key. */
    public String privateKeyPkcs1Pem() {
        if (!(privateKey instanceof RSAPrivateKey) && !(privateKey instanceof ECPrivateKey)) {
            throw new IllegalStateException("No traditional PEM form for a " + privateKey.getAlgorithm() + " key");
        }
        return TestPki.pemOf(privateKey);
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY}: PKCS#8 with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) under {@code password}. */
    public String encryptedPrivateKeyPem(String password) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(CryptoProvider.BOUNCY_CASTLE)
                .setRandom(CryptoProvider.random())
                .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                .setIterationCount(ITERATIONS)
                .setPassword(password.toCharArray())
                .build();
            return TestPki.pemOf(new JcaPKCS8Generator(privateKey, encryptor));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The layout OpenSSL writes: an encrypted safe with the certificate bags (the certificate carries the
     * friendly name and local key id), then a plain safe with the shrouded key bag carrying the same attributes.
     */
    private byte[] pkcs12(String password, PrivateKey key, Pkcs12Format format) {
        char[] secret = password.toCharArray();
        try {
            OutputEncryptor encryptor = format == Pkcs12Format.MODERN
                ? new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(CryptoProvider.BOUNCY_CASTLE)
                    .setRandom(CryptoProvider.random())
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256))
                    .setIterationCount(ITERATIONS)
                    .build(secret)
                : new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                    .setProvider(CryptoProvider.BOUNCY_CASTLE)
                    .setRandom(CryptoProvider.random())
                    .setIterationCount(ITERATIONS)
                    .build(secret);
            DERBMPString friendlyName = new DERBMPString(commonName());
            DEROctetString localKeyId = new DEROctetString(
                TestPki.extensionUtils().createSubjectKeyIdentifier(certificate.getPublicKey()).getKeyIdentifier());

            List<PKCS12SafeBag> certificateBags = new ArrayList<>();
            for (X509Certificate member : chain) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(member);
                if (member.equals(certificate)) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
                    if (key != null) {
                        bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                    }
                }
                certificateBags.add(bag.build());
            }

            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addEncryptedData(encryptor, certificateBags.toArray(PKCS12SafeBag[]::new));
            if (key != null) {
                PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor);
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                builder.addData(keyBag.build());
            }
            ASN1ObjectIdentifier macDigest = format == Pkcs12Format.MODERN ? NISTObjectIdentifiers.id_sha256 : OIWObjectIdentifiers.idSHA1;
            return builder.build(new JcePKCS12MacCalculatorBuilder(macDigest)
                    .setProvider(CryptoProvider.BOUNCY_CASTLE)
                    .setIterationCount(ITERATIONS), secret)
                .getEncoded();
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("Cannot build the test PKCS#12 file", e);
        }
    }
}
