package org.hostedsmime.core.mime;


/**
 * The header names this extension reads and writes. They are a contract with IMAP clients and other tools:
 * never rename them.
 */
public final class SmimeHeaders {
    /** Every header this extension owns starts with this prefix (compared case-insensitively). */
    public static final String PREFIX = "X-Smime-";

    /** Verdict of the signature check, e.g. {@code valid; signer=...; fingerprint=...; reason="..."}. */
    public static final String SIGNATURE = "X-Smime-Signature";
    /** Human text of the signature verdict, in the configured language. */
    public static final String SIGNATURE_DESCRIPTION = "X-Smime-Signature-Description";
    /** Verdict of decryption: {@code decrypted}, {@code no-key}, {@code smime-disabled}, {@code corrupt}. */
    public static final String ENCRYPTION = "X-Smime-Encryption";
    /** Human text of the decryption verdict, in the configured language. */
    public static final String ENCRYPTION_DESCRIPTION = "X-Smime-Encryption-Description";
    /** A request from an authenticated local sender's client: {@code sign-only}, {@code encrypt}, {@code none}. */
    public static final String OPTIONS = "X-Smime-Options";

    public static boolean isSmimeHeader(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }


    private SmimeHeaders() {
    }
}
