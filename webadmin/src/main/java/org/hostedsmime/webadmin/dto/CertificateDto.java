package org.hostedsmime.webadmin.dto;

import java.time.Instant;
import java.util.List;

import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.hosting.HostedCertificateView;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A hosted certificate in API responses. The private key is never part of it. */
@JsonPropertyOrder({"fingerprint", "subject", "issuer", "serialNumber", "notBefore", "notAfter", "emailAddresses", "keyAlgorithm",
    "keySize", "signatureAlgorithm", "keyUsage", "extendedKeyUsage", "status", "statusReason", "default", "importedAt", "pem"})
public record CertificateDto(
    String fingerprint,
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    List<String> emailAddresses,
    String keyAlgorithm,
    int keySize,
    String signatureAlgorithm,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    String status,
    String statusReason,
    @JsonProperty("default") boolean isDefault,
    Instant importedAt,
    String pem) {

    public static CertificateDto of(HostedCertificateView view) {
        CertificateDetails details = view.details();
        return new CertificateDto(details.fingerprint().value(), details.subject(), details.issuer(), details.serialNumber(),
            details.notBefore(), details.notAfter(), details.emailAddresses(), details.keyAlgorithm(), details.keySize(),
            details.signatureAlgorithm(), details.keyUsage(), details.extendedKeyUsage(), view.status().value(),
            view.statusReason(), view.isDefault(), view.importedAt(), view.pem());
    }
}
