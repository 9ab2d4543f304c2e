package org.hostedsmime.core.tls;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials the servers were switched to, and when.
 *
 * @param appliedAt empty when the servers got them otherwise than through certificate management (the
 *                  self-signed certificate generated on first start, files replaced by hand)
 */
public record AppliedServerCertificate(ServerCredentials credentials, Optional<Instant> appliedAt) {
    public AppliedServerCertificate {
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(appliedAt);
    }

    public static AppliedServerCertificate at(ServerCredentials credentials, Instant appliedAt) {
        return new AppliedServerCertificate(credentials, Optional.of(appliedAt));
    }
}
