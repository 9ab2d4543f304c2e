package org.hostedsmime.core.trust;

import java.util.Optional;

import org.hostedsmime.core.problem.ProblemType;

/**
 * The state of a certificate now, recomputed from the current trust material whenever it is read. The
 * {@link #value()} strings are part of the API.
 */
public enum CertificateStatus {
    VALID("valid", null),
    EXPIRED("expired", ProblemType.EXPIRED),
    NOT_YET_VALID("not-yet-valid", ProblemType.NOT_YET_VALID),
    REVOKED("revoked", ProblemType.REVOKED),
    UNTRUSTED("untrusted", ProblemType.UNTRUSTED),
    WEAK_ALGORITHM("weak-algorithm", ProblemType.WEAK_ALGORITHM);

    private final String value;
    private final ProblemType problem;

    CertificateStatus(String value, ProblemType problem) {
        this.value = value;
        this.problem = problem;
    }

    public String value() {
        return value;
    }

    public Optional<ProblemType> problem() {
        return Optional.ofNullable(problem);
    }

    public boolean isUsable() {
        return this == VALID;
    }
}
