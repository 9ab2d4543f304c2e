package org.hostedsmime.webadmin.dto;

import java.time.Instant;
import java.util.List;

import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.tls.ServerCertificateView;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A server TLS certificate in API responses. {@code chain} lists the subjects of the certificates served after it;
 * {@code servers} where it is served (empty for a dry run or the previous certificate); {@code appliedAt} is null
 * when unknown. Never holds the private key.
 */
@JsonPropertyOrder({"fingerprint", "subject", "subjectAltNames", "issuer", "serialNumber", "notBefore", "notAfter", "keyAlgorithm",
    "keySize", "signatureAlgorithm", "selfSigned", "chain", "servers", "appliedAt", "warnings"})
public record TlsCertificateDto(
    String fingerprint,
    String subject,
    List<String> subjectAltNames,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    String keyAlgorithm,
    int keySize,
    String signatureAlgorithm,
    boolean selfSigned,
    List<String> chain,
    List<TlsServerDto> servers,
    Instant appliedAt,
    List<TlsWarningDto> warnings) {

    public static TlsCertificateDto of(ServerCertificateView view, SmimeMessages messages) {
        CertificateDetails details = view.details();
        return new TlsCertificateDto(details.fingerprint().value(), details.subject(), view.subjectAltNames(), details.issuer(),
            details.serialNumber(), details.notBefore(), details.notAfter(), details.keyAlgorithm(), details.keySize(),
            details.signatureAlgorithm(), view.selfSigned(), view.chain(), view.endpoints().stream().map(TlsServerDto::of).toList(),
            view.appliedAt().orElse(null), view.warnings().stream().map(warning -> TlsWarningDto.of(warning, messages)).toList());
    }
}
