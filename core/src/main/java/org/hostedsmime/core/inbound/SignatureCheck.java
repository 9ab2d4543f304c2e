package org.hostedsmime.core.inbound;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.directory.SmimeCapabilities;

/**
 * The outcome of checking a signed message: the verdict, an English reason for logs and headers, and what is
 * known of the signer (certificate, the issuers it sent, its announced capabilities, the signing time).
 */
public record SignatureCheck(SignatureVerdict verdict, String reason, Optional<X509Certificate> signerCertificate,
                             List<X509Certificate> issuers, SmimeCapabilities capabilities, Optional<Instant> signingTime) {
    public SignatureCheck {
        issuers = List.copyOf(issuers);
    }

    static SignatureCheck corrupt(String reason) {
        return new SignatureCheck(SignatureVerdict.CORRUPT, reason, Optional.empty(), List.of(), SmimeCapabilities.NONE, Optional.empty());
    }

    public Optional<Fingerprint> fingerprint() {
        return signerCertificate.map(Fingerprint::of);
    }

    /** The signer's first email address, if its certificate names one. */
    public Optional<String> signerAddress() {
        return signerCertificate.flatMap(certificate -> org.hostedsmime.core.certificate.CertificateAddresses.of(certificate).stream().findFirst());
    }
}
