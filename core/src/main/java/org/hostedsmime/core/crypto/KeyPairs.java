package org.hostedsmime.core.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Whether a private key and a public key are two halves of one key pair, whatever the algorithm. */
public final class KeyPairs {
    private static final byte[] PROBE = "hosted-smime key pair probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Signs a probe with the private key and verifies it with the public key: works for RSA, EC and EdDSA
     * without comparing algorithm-specific numbers.
     */
    public static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = probeSignatureAlgorithm(publicKey);
        if (algorithm == null || !sameFamily(privateKey, publicKey)) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm, CryptoProvider.BOUNCY_CASTLE);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, CryptoProvider.BOUNCY_CASTLE);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean sameFamily(PrivateKey privateKey, PublicKey publicKey) {
        return family(privateKey.getAlgorithm()).equals(family(publicKey.getAlgorithm()));
    }

    private static String family(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "ECDSA", "ECDH", "EC" -> "EC";
            case "RSASSA-PSS" -> "RSA";
            default -> upper;
        };
    }

    private static String probeSignatureAlgorithm(PublicKey publicKey) {
        return switch (family(publicKey.getAlgorithm())) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519", "ED448", "EDDSA" -> "EdDSA";
            default -> null;
        };
    }

    /** The JCA {@code KeyFactory} name for a PKCS#8 algorithm identifier. */
    public static String jcaAlgorithm(ASN1ObjectIdentifier algorithm) {
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) || algorithm.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return "RSA";
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519) || algorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "EdDSA";
        }
        return algorithm.getId();
    }

    private KeyPairs() {
    }
}
