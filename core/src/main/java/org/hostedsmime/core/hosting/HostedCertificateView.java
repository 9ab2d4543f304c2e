package org.hostedsmime.core.hosting;

import java.time.Instant;

import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.trust.CertificateStatus;

/** A hosted certificate as the API shows it: details, current status, whether it is the default, its PEM. */
public record HostedCertificateView(CertificateDetails details, CertificateStatus status, String statusReason,
                                    boolean isDefault, Instant importedAt, String pem) {
}
