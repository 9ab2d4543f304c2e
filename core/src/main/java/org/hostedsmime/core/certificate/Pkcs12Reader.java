package org.hostedsmime.core.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.crypto.KeyPairs;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

/**
 * Opens a PKCS#12 file (.p12/.pfx) and tells apart what went wrong, as users need to know: not PKCS#12 at
 * all, a wrong password, or no private key for the certificate. Bouncy Castle's PDU classes are used instead
 * of {@code KeyStore.load}, which reports all three as the same {@code IOException}.
 */
public class Pkcs12Reader {

    /** The private key, the certificate it belongs to, and the rest of the chain ordered towards the root. */
    public record Contents(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
        public Contents {
            chain = List.copyOf(chain);
        }

        @Override
        public String toString() {
            return "Contents{certificate=" + certificate.getSubjectX500Principal() + ", chainLength=" + chain.size() + "}";
        }
    }

    public Contents read(byte[] pkcs12, char[] password) {
        PKCS12PfxPdu pfx = parse(pkcs12);
        boolean macVerified = verifyMac(pfx, password);
        InputDecryptorProvider decryptor = decryptorFor(password);

        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        for (ContentInfo contentInfo : pfx.getContentInfos()) {
            for (PKCS12SafeBag bag : bagsOf(contentInfo, decryptor, macVerified)) {
                Object value = bag.getBagValue();
                if (value instanceof X509CertificateHolder holder) {
                    certificates.add(convert(holder));
                } else if (value instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    keys.add(toPrivateKey(decryptKey(encrypted, decryptor, macVerified)));
                } else if (value instanceof PrivateKeyInfo plain) {
                    keys.add(toPrivateKey(plain));
                }
            }
        }

        if (certificates.isEmpty()) {
            throw new SmimeException(ProblemType.CORRUPT, "The PKCS#12 file holds no certificate");
        }
        if (keys.isEmpty()) {
            throw new SmimeException(ProblemType.NO_PRIVATE_KEY, "The PKCS#12 file holds no private key");
        }
        for (PrivateKey key : keys) {
            Optional<X509Certificate> owner = certificates.stream()
                .filter(certificate -> KeyPairs.belongTogether(key, certificate.getPublicKey()))
                .findFirst();
            if (owner.isPresent()) {
                return new Contents(key, owner.get(), chainAbove(owner.get(), certificates));
            }
        }
        throw new SmimeException(ProblemType.NO_PRIVATE_KEY, "The private key in the PKCS#12 file does not match its certificate");
    }

    private static PKCS12PfxPdu parse(byte[] pkcs12) {
        if (pkcs12 == null || pkcs12.length == 0) {
            throw new SmimeException(ProblemType.CORRUPT, "Empty PKCS#12 file");
        }
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(pkcs12);
            pfx.getContentInfos();
            return pfx;
        } catch (IOException | RuntimeException e) {
            throw new SmimeException(ProblemType.CORRUPT, "Not a PKCS#12 file: " + e.getClass().getSimpleName(), Map.of(), null);
        }
    }

    private static boolean verifyMac(PKCS12PfxPdu pfx, char[] password) {
        if (!pfx.hasMac()) {
            return false;
        }
        try {
            if (pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(CryptoProvider.BOUNCY_CASTLE), password)) {
                return true;
            }
        } catch (PKCSException | RuntimeException e) {
            throw new SmimeException(ProblemType.CORRUPT, "The PKCS#12 integrity check cannot be computed: " + e.getClass().getSimpleName(), Map.of(), null);
        }
        throw new SmimeException(ProblemType.WRONG_PASSWORD, "The PKCS#12 MAC does not verify with the given password");
    }

    private static InputDecryptorProvider decryptorFor(char[] password) {
        try {
            return new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(password);
        } catch (RuntimeException e) {
            throw new SmimeException(ProblemType.CORRUPT, "Cannot prepare PKCS#12 decryption");
        }
    }

    private static PKCS12SafeBag[] bagsOf(ContentInfo contentInfo, InputDecryptorProvider decryptor, boolean macVerified) {
        try {
            if (contentInfo.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                return new PKCS12SafeBagFactory(contentInfo, decryptor).getSafeBags();
            }
            return new PKCS12SafeBagFactory(contentInfo).getSafeBags();
        } catch (PKCSException e) {
            throw undecryptable(macVerified);
        } catch (RuntimeException e) {
            throw new SmimeException(ProblemType.CORRUPT, "Damaged PKCS#12 content: " + e.getClass().getSimpleName(), Map.of(), null);
        }
    }

    private static PrivateKeyInfo decryptKey(PKCS8EncryptedPrivateKeyInfo encrypted, InputDecryptorProvider decryptor, boolean macVerified) {
        try {
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException e) {
            throw undecryptable(macVerified);
        } catch (RuntimeException e) {
            throw new SmimeException(ProblemType.CORRUPT, "Damaged private key in the PKCS#12 file");
        }
    }

    /** With a verified MAC the password is right, so a decryption failure means damage; without one, it is the password. */
    private static SmimeException undecryptable(boolean macVerified) {
        return macVerified
            ? new SmimeException(ProblemType.CORRUPT, "The PKCS#12 content does not decrypt although its MAC verifies")
            : new SmimeException(ProblemType.WRONG_PASSWORD, "The PKCS#12 content does not decrypt with the given password");
    }

    /** JDK certificate objects, like everywhere else in the extension (names print as {@code SHA256withRSA}). */
    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new SmimeException(ProblemType.CORRUPT, "Damaged certificate in the PKCS#12 file");
        }
    }

    private static PrivateKey toPrivateKey(PrivateKeyInfo info) {
        try {
            String algorithm = KeyPairs.jcaAlgorithm(info.getPrivateKeyAlgorithm().getAlgorithm());
            return KeyFactory.getInstance(algorithm, CryptoProvider.BOUNCY_CASTLE)
                .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (Exception e) {
            throw new SmimeException(ProblemType.CORRUPT, "Unsupported or damaged private key in the PKCS#12 file");
        }
    }

    /** The issuers of {@code leaf} found among {@code certificates}, nearest first; unrelated certificates are dropped. */
    static List<X509Certificate> chainAbove(X509Certificate leaf, List<X509Certificate> certificates) {
        Map<String, X509Certificate> bySubject = new LinkedHashMap<>();
        for (X509Certificate certificate : certificates) {
            if (!certificate.equals(leaf)) {
                bySubject.putIfAbsent(certificate.getSubjectX500Principal().getName(), certificate);
            }
        }
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        while (!isSelfIssued(current)) {
            X509Certificate issuer = bySubject.remove(current.getIssuerX500Principal().getName());
            if (issuer == null || !signedBy(current, issuer.getPublicKey())) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static boolean signedBy(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey, CryptoProvider.BOUNCY_CASTLE);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
