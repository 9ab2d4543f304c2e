package org.hostedsmime.core.problem;

/**
 * Why a request about S/MIME certificates, trust or settings is refused. The {@link #type()} strings are
 * a contract (WebAdmin error bodies, tools that script against them): never rename one.
 */
public enum ProblemType {
    CORRUPT("corrupt"),
    WRONG_PASSWORD("wrong-password"),
    NO_PRIVATE_KEY("no-private-key"),
    DUPLICATE("duplicate"),
    ADDRESS_MISMATCH("address-mismatch"),
    LIMIT_REACHED("limit-reached"),
    UNTRUSTED("untrusted"),
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid"),
    REVOKED("revoked"),
    WEAK_ALGORITHM("weak-algorithm"),
    WRONG_KEY_USAGE("wrong-key-usage"),
    SMIME_DISABLED("smime-disabled"),
    USER_NOT_FOUND("user-not-found"),
    DOMAIN_NOT_FOUND("domain-not-found"),
    CERTIFICATE_NOT_FOUND("certificate-not-found"),
    TRUST_ANCHOR_NOT_FOUND("trust-anchor-not-found"),
    NOT_A_CA("not-a-ca"),
    UNTRUSTED_CRL("untrusted-crl"),
    STALE_CRL("stale-crl"),
    CERTIFICATE_NOT_USABLE("certificate-not-usable"),
    ENCRYPTION_REQUIRES_SIGNATURE("encryption-requires-signature"),
    NO_CERTIFICATE("no-certificate"),
    /** Same type string as {@link #NO_CERTIFICATE}, for a key directory lookup that finds nothing (404, not 409). */
    NO_DIRECTORY_CERTIFICATE("no-certificate", "problem.no-certificate.directory"),
    INVALID_ARGUMENT("invalid-argument"),
    STORE_UNAVAILABLE("store-unavailable"),
    NO_EMAIL_ADDRESS("no-email-address"),
    HOSTED_CERTIFICATE("hosted-certificate"),

    // Server TLS certificate (seed 002)
    KEY_MISMATCH("key-mismatch"),
    MULTIPLE_CERTIFICATES("multiple-certificates"),
    INCOMPLETE_CHAIN("incomplete-chain"),
    DOMAIN_MISMATCH("domain-mismatch"),
    SHA1_SIGNATURE("sha1-signature"),
    WEAK_KEY("weak-key"),
    NO_PREVIOUS_CERTIFICATE("no-previous-certificate"),
    /** Same type string as {@link #NO_PREVIOUS_CERTIFICATE}, for showing the previous certificate (404, not 409). */
    PREVIOUS_CERTIFICATE_NOT_FOUND("no-previous-certificate", "problem.no-previous-certificate"),
    TLS_APPLY_FAILED("tls-apply-failed");

    private final String type;
    private final String messageKey;

    ProblemType(String type) {
        this(type, "problem." + type);
    }

    ProblemType(String type, String messageKey) {
        this.type = type;
        this.messageKey = messageKey;
    }

    public String type() {
        return type;
    }

    /** Key of the human message in {@code SmimeMessages} bundles. */
    public String messageKey() {
        return messageKey;
    }
}
