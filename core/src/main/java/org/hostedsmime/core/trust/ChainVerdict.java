package org.hostedsmime.core.trust;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The outcome of validating a certificate against trust material: a status, a short English reason for
 * logs and details, and the path that was built (leaf first, anchor last) when there is one.
 */
public record ChainVerdict(CertificateStatus status, String reason, List<X509Certificate> path) {
    public ChainVerdict {
        path = List.copyOf(path);
    }

    public static ChainVerdict valid(List<X509Certificate> path) {
        return new ChainVerdict(CertificateStatus.VALID, "certificate path to a trust anchor is valid", path);
    }

    public boolean isValid() {
        return status == CertificateStatus.VALID;
    }

    /** Intermediate CA certificates of the path (neither the leaf nor the anchor). */
    public List<X509Certificate> intermediates() {
        if (path.size() <= 2) {
            return List.of();
        }
        return path.subList(1, path.size() - 1);
    }
}
