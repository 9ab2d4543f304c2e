package org.hostedsmime.core.store;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.keys.EncryptedPrivateKey;

/**
 * A user's hosted S/MIME certificate as stored: the certificate and the chain it came with (leaf first),
 * its private key encrypted under the master key, and when it was imported.
 */
public record HostedCertificate(Username owner, Fingerprint fingerprint, List<X509Certificate> chain,
                                EncryptedPrivateKey encryptedKey, Instant importedAt) {
    public HostedCertificate {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(fingerprint);
        Objects.requireNonNull(encryptedKey);
        Objects.requireNonNull(importedAt);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A hosted certificate has at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The certificates above the user's own, nearest first. */
    public List<X509Certificate> issuers() {
        return chain.subList(1, chain.size());
    }
}
