package org.hostedsmime.core.trust;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;

import org.hostedsmime.core.certificate.CertificateDetails;

/**
 * What counts as too weak to sign or encrypt mail with: MD2/MD5/SHA-1 signatures, RSA keys under 2048 bits,
 * EC keys under 256 bits. Self-signatures of trust anchors are not judged: nobody relies on them.
 */
public final class AlgorithmPolicy {
    public static final int MINIMUM_RSA_BITS = 2048;
    public static final int MINIMUM_EC_BITS = 256;

    /** Why this certificate is weak, if it is, e.g. {@code SHA1withRSA} or {@code RSA 1024}. */
    public static Optional<String> weakness(X509Certificate certificate) {
        return signatureWeakness(certificate).or(() -> keyWeakness(certificate.getPublicKey()));
    }

    public static Optional<String> signatureWeakness(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName();
        return isWeakDigest(algorithm) ? Optional.of(algorithm) : Optional.empty();
    }

    public static boolean isWeakDigest(String algorithmName) {
        String upper = algorithmName.toUpperCase(Locale.ROOT).replace("-", "");
        return upper.startsWith("MD2") || upper.startsWith("MD5") || upper.startsWith("SHA1");
    }

    public static Optional<String> keyWeakness(PublicKey key) {
        String algorithm = CertificateDetails.keyAlgorithm(key);
        int size = CertificateDetails.keySize(key);
        if (algorithm.equals("RSA") && size < MINIMUM_RSA_BITS) {
            return Optional.of("RSA " + size);
        }
        if (algorithm.equals("EC") && size < MINIMUM_EC_BITS) {
            return Optional.of("EC " + size);
        }
        return Optional.empty();
    }

    private AlgorithmPolicy() {
    }
}
