package org.hostedsmime.core.tls;

import java.security.cert.X509CRL;

import org.reactivestreams.Publisher;

/**
 * What server certificate management remembers across restarts: the certificate applied last and the one
 * before it (for rollback), the pending certificate signing request with its private key, and the CRLs
 * uploaded for revocation checks. Implementations keep private keys where only the server can read them.
 */
public interface ServerCertificateStore {

    /**
     * Whether several servers keep their state here (a Cassandra store): each of them then serves the
     * {@link #current()} certificate, whichever of them applied it. A store of one server's own (its files)
     * leaves what that server serves alone, files replaced by hand included.
     */
    default boolean shared() {
        return false;
    }

    /** Empty until a certificate has been applied through this store. */
    Publisher<AppliedServerCertificate> current();

    Publisher<Void> saveCurrent(AppliedServerCertificate certificate);

    /** Empty until a second certificate has been applied. */
    Publisher<AppliedServerCertificate> previous();

    Publisher<Void> savePrevious(AppliedServerCertificate certificate);

    /** Empty when no certificate signing request waits for its certificate. */
    Publisher<PendingCertificateRequest> pendingRequest();

    /** Replaces any pending request: only the latest key can complete a certificate. */
    Publisher<Void> savePendingRequest(PendingCertificateRequest request);

    /** Forgets the pending request and its key; nothing happens when there is none. */
    Publisher<Void> deletePendingRequest();

    /** One CRL per issuer. */
    Publisher<X509CRL> crls();

    /** Adds the CRL, replacing the one from the same issuer. */
    Publisher<Void> saveCrl(X509CRL crl);
}
