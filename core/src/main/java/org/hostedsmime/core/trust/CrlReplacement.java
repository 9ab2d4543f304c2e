package org.hostedsmime.core.trust;

import java.security.cert.X509CRL;
import java.util.Collection;
import java.util.Optional;

/**
 * A CRL replaces the installed one of the same issuer, unless that one is newer: an older CRL uploaded again
 * would take revocations back.
 */
public final class CrlReplacement {

    /** The installed CRL of the candidate's issuer when it is newer than the candidate: then the candidate is stale. */
    public static Optional<X509CRL> newerInstalled(Collection<X509CRL> installed, X509CRL candidate) {
        return installed.stream()
            .filter(known -> known.getIssuerX500Principal().equals(candidate.getIssuerX500Principal()))
            .filter(known -> known.getThisUpdate().after(candidate.getThisUpdate()))
            .findFirst();
    }

    private CrlReplacement() {
    }
}
