package org.hostedsmime.core.tls;

/**
 * Something an administrator should know about a certificate that is accepted nonetheless.
 *
 * @param type stable, part of the API: {@value #UNTRUSTED_ROOT} or {@value #EXPIRES_SOON}
 * @param text the human message, rendered in the reader's language
 */
public record ServerCertificateWarning(String type, LocalizedText text) {
    public static final String UNTRUSTED_ROOT = "untrusted-root";
    public static final String EXPIRES_SOON = "expires-soon";

    public static ServerCertificateWarning untrustedRoot() {
        return new ServerCertificateWarning(UNTRUSTED_ROOT, LocalizedText.of("warning.untrusted-root"));
    }

    public static ServerCertificateWarning expiresSoon(long days) {
        return new ServerCertificateWarning(EXPIRES_SOON, LocalizedText.of("warning.expires-soon", days));
    }
}
