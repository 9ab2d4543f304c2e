package org.hostedsmime.core.directory;

import java.security.cert.X509Certificate;

import org.hostedsmime.core.certificate.Fingerprint;

/** The certificate to encrypt to for one address, with what its owner supports. */
public record RecipientCertificate(String address, X509Certificate certificate, CertificateSource source,
                                   SmimeCapabilities capabilities) {
    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate);
    }
}
