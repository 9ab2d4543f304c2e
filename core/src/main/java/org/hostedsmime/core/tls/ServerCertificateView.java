package org.hostedsmime.core.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.trust.CertificateValidator;

/**
 * A server certificate as the API shows it. Never holds the private key.
 *
 * @param subjectAltNames the DNS names it covers
 * @param chain subjects of the certificates served after it, in order
 * @param endpoints where it is served; empty for a certificate that is only checked, or kept for rollback
 * @param appliedAt when the servers were switched to it; empty when not known (the generated self-signed one)
 */
public record ServerCertificateView(CertificateDetails details, List<String> subjectAltNames, boolean selfSigned, List<String> chain,
                                    List<TlsEndpoint> endpoints, Optional<Instant> appliedAt, List<ServerCertificateWarning> warnings) {
    public ServerCertificateView {
        subjectAltNames = List.copyOf(subjectAltNames);
        chain = List.copyOf(chain);
        endpoints = List.copyOf(endpoints);
        warnings = List.copyOf(warnings);
    }

    public static ServerCertificateView of(ServerCredentials credentials, List<TlsEndpoint> endpoints, Optional<Instant> appliedAt,
                                           List<ServerCertificateWarning> warnings) {
        X509Certificate certificate = credentials.leaf();
        return new ServerCertificateView(CertificateDetails.of(certificate), HostNameCoverage.dnsNames(certificate),
            CertificateValidator.isSelfSigned(certificate),
            credentials.chain().stream().skip(1).map(member -> member.getSubjectX500Principal().getName()).toList(),
            endpoints, appliedAt, warnings);
    }
}
