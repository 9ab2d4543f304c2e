package org.hostedsmime.core.cms;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.hostedsmime.core.certificate.Fingerprint;

/** A certificate with its decrypted private key, and the issuers to include in signatures (never the root). */
public record SigningIdentity(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> issuers) {
    public SigningIdentity {
        issuers = List.copyOf(issuers);
    }

    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate);
    }

    @Override
    public String toString() {
        return "SigningIdentity{" + fingerprint() + "}";
    }
}
