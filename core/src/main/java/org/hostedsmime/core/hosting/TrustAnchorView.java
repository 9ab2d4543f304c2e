package org.hostedsmime.core.hosting;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.hostedsmime.core.certificate.Fingerprint;

/** A trust anchor as the API lists it. */
public record TrustAnchorView(Fingerprint fingerprint, String subject, Instant notAfter) {
    public static TrustAnchorView of(X509Certificate anchor) {
        return new TrustAnchorView(Fingerprint.of(anchor), anchor.getSubjectX500Principal().getName(), anchor.getNotAfter().toInstant());
    }
}
