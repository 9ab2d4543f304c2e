package org.hostedsmime.core.store;

import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

/**
 * Users' hosted certificates and which one is each user's default. Private keys only ever reach it
 * encrypted ({@link HostedCertificate#encryptedKey()}).
 */
public interface HostedCertificateStore {

    /** Adds the certificate, or replaces the one with the same owner and fingerprint. */
    Publisher<Void> save(HostedCertificate certificate);

    /** The owner's certificates, in import order (oldest first). */
    Publisher<HostedCertificate> list(Username owner);

    /** Empty when the owner hosts no certificate with this fingerprint. */
    Publisher<HostedCertificate> retrieve(Username owner, Fingerprint fingerprint);

    /**
     * Removes the certificate and its encrypted key for good. When it was the default, the owner has no
     * default afterwards. Deleting what is not there does nothing.
     */
    Publisher<Void> delete(Username owner, Fingerprint fingerprint);

    Publisher<Void> setDefault(Username owner, Fingerprint fingerprint);

    /** Empty when the owner has no default certificate. */
    Publisher<Fingerprint> retrieveDefault(Username owner);

    /**
     * The default certificate with its encrypted key, what every signed mail needs: empty when there is no
     * default. A store that can read both at once (one Cassandra partition) overrides this.
     */
    default Publisher<HostedCertificate> retrieveDefaultCertificate(Username owner) {
        return Mono.from(retrieveDefault(owner)).flatMap(fingerprint -> Mono.from(retrieve(owner, fingerprint)));
    }
}
