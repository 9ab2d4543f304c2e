package org.hostedsmime.core.store;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

import org.apache.james.core.Domain;
import org.hostedsmime.core.certificate.Fingerprint;
import org.reactivestreams.Publisher;

/**
 * Per-domain S/MIME administration: whether S/MIME is enabled, the organisation's trust anchors, the
 * intermediate CA certificates learned from imported chains, and the CRLs uploaded by the administrator.
 */
public interface DomainTrustStore {

    /** Empty when never set (S/MIME is off by default). */
    Publisher<Boolean> isEnabled(Domain domain);

    Publisher<Void> setEnabled(Domain domain, boolean enabled);

    /** Adds the anchor; adding it again changes nothing. */
    Publisher<Void> addTrustAnchor(Domain domain, X509Certificate anchor);

    /** In the order they were added. */
    Publisher<X509Certificate> trustAnchors(Domain domain);

    Publisher<Void> removeTrustAnchor(Domain domain, Fingerprint fingerprint);

    /** Adds an intermediate CA certificate; adding it again changes nothing. */
    Publisher<Void> addIntermediate(Domain domain, X509Certificate intermediate);

    Publisher<X509Certificate> intermediates(Domain domain);

    /** Stores the CRL, replacing the one from the same issuer (compared by issuer distinguished name). */
    Publisher<Void> saveCrl(Domain domain, X509CRL crl);

    Publisher<X509CRL> crls(Domain domain);
}
