package org.hostedsmime.core.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.hostedsmime.core.certificate.CertificateAddresses;
import org.hostedsmime.core.certificate.Fingerprint;

/**
 * A certificate of the key directory under one address: the certificate and its issuers as they came, where
 * it came from, the capabilities its owner announced, and when it was first and last seen.
 */
public record DirectoryEntry(String address, Fingerprint fingerprint, X509Certificate certificate, List<X509Certificate> issuers,
                             CertificateSource source, SmimeCapabilities capabilities, Instant firstSeen, Instant lastSeen) {
    public DirectoryEntry {
        address = CertificateAddresses.normalize(address);
        Objects.requireNonNull(fingerprint);
        Objects.requireNonNull(certificate);
        issuers = List.copyOf(issuers);
        Objects.requireNonNull(source);
        Objects.requireNonNull(capabilities);
        Objects.requireNonNull(firstSeen);
        Objects.requireNonNull(lastSeen);
    }

    public DirectoryEntry seenAgain(Instant when, SmimeCapabilities latestCapabilities) {
        return new DirectoryEntry(address, fingerprint, certificate, issuers, source, latestCapabilities, firstSeen, when);
    }
}
