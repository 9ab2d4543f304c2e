package org.hostedsmime.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * An issued test certificate with its private key and the chain a PKCS#12 carries (leaf first, then the
 * intermediate, never the root), and the file formats users and administrators hand over.
 */
public record TestCredential(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {
    public TestCredential {
        chain = List.copyOf(chain);
    }

    /** The chain without the certificate itself: what comes with it in a PKCS#12 file or a signature. */
    public List<X509Certificate> issuersOnly() {
        return chain.subList(1, chain.size());
    }

    public String fingerprint() {
        return Fingerprint.of(certificate).value();
    }

    /** PKCS#12 as OpenSSL 3 and current JDKs write it: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), HMAC-SHA256 MAC. */
    public byte[] pkcs12(String password) {
        return pkcs12(password, privateKey, true);
    }

    /** PKCS#12 as older Windows and Java export it: 3DES/RC2 PBE and a SHA-1 MAC (the JDK's legacy format). */
    public byte[] pkcs12Legacy(String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(certificate.getSubjectX500Principal().getName(), privateKey, password.toCharArray(), chain.toArray(Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String previous = System.getProperty("keystore.pkcs12.legacy");
            System.setProperty("keystore.pkcs12.legacy", "true");
            try {
                store.store(out, password.toCharArray());
            } finally {
                if (previous == null) {
                    System.clearProperty("keystore.pkcs12.legacy");
                } else {
                    System.setProperty("keystore.pkcs12.legacy", previous);
                }
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Certificates only, no key bag. */
    public byte[] pkcs12WithoutKey(String password) {
        return pkcs12(password, null, true);
    }

    /** The certificate with a private key that is not its own. */
    public byte[] pkcs12WithForeignKey(String password, PrivateKey otherKey) {
        return pkcs12(password, otherKey, true);
    }

    private byte[] pkcs12(String password, PrivateKey key, boolean modern) {
        try {
            char[] secret = password.toCharArray();
            OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(CryptoProvider.BOUNCY_CASTLE)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256))
                .setIterationCount(2048)
                .build(secret);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            String friendlyName = certificate.getSubjectX500Principal().getName();

            PKCS12SafeBag[] certificateBags = new PKCS12SafeBag[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, extensions.createSubjectKeyIdentifier(certificate.getPublicKey()));
                }
                certificateBags[i] = bag.build();
            }
            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addEncryptedData(encryptor, certificateBags);
            if (key != null) {
                PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor);
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, extensions.createSubjectKeyIdentifier(certificate.getPublicKey()));
                builder.addData(keyBag.build());
            }
            PKCS12PfxPdu pfx = builder.build(new JcePKCS12MacCalculatorBuilder(modern ? NISTObjectIdentifiers.id_sha256 : OIWObjectIdentifiers.idSHA1)
                .setProvider(CryptoProvider.BOUNCY_CASTLE), secret);
            return pfx.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the test PKCS#12", e);
        }
    }

    public String certificatePem() {
        return TestPki.pem(certificate);
    }

    /** Leaf first, then the intermediate. */
    public String chainPem() {
        return TestPki.pem(chain.toArray());
    }

    /** {@code BEGIN PRIVATE KEY} (PKCS#8). */
    public String privateKeyPkcs8Pem() {
        try {
            return TestPki.pem(new JcaPKCS8Generator(privateKey, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) for RSA keys, {@code BEGIN EC PRIVATE KEY} (SEC 1) for EC keys. */
    public String privateKeyTraditionalPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY}: PKCS#8 encrypted with PBES2 / AES-256-CBC under {@code password}. */
    public String encryptedPrivateKeyPem(String password) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(CryptoProvider.BOUNCY_CASTLE)
                .setRandom(CryptoProvider.random())
                .setPassword(password.toCharArray())
                .build();
            return TestPki.pem(new JcaPKCS8Generator(privateKey, encryptor).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
