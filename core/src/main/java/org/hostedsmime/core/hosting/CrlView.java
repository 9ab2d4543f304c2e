package org.hostedsmime.core.hosting;

import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Optional;

/** A CRL as the API shows it. */
public record CrlView(String issuer, Instant thisUpdate, Optional<Instant> nextUpdate, int revokedCount) {
    public static CrlView of(X509CRL crl) {
        return new CrlView(crl.getIssuerX500Principal().getName(), crl.getThisUpdate().toInstant(),
            Optional.ofNullable(crl.getNextUpdate()).map(java.util.Date::toInstant),
            crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size());
    }
}
