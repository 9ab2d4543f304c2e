package org.hostedsmime.core.inbound;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

import org.hostedsmime.core.certificate.Fingerprint;

/** A hosted certificate that may have been encrypted to, and how to get its private key when it was. */
public record DecryptionKey(X509Certificate certificate, Supplier<PrivateKey> privateKey) {
    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate);
    }

    @Override
    public String toString() {
        return "DecryptionKey{" + fingerprint() + "}";
    }
}
