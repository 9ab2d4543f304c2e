package org.hostedsmime.core.directory;

import java.time.Instant;
import java.util.List;

import org.hostedsmime.core.certificate.Fingerprint;

/** A key directory entry as the lookup API shows it. {@code status} is recomputed when read. */
public record DirectoryEntryView(Fingerprint fingerprint, String subject, Instant notAfter, CertificateSource source,
                                 List<String> capabilities, String status, boolean usable, Instant firstSeen, Instant lastSeen,
                                 String pem) {
}
