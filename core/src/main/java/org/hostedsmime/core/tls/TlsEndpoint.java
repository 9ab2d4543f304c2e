package org.hostedsmime.core.tls;

/**
 * A listening server that presents the managed certificate.
 *
 * @param protocol {@code SMTP}, {@code IMAP}, {@code POP3}, {@code LMTP} or {@code ManageSieve}
 * @param mode {@value #STARTTLS} (upgrade on a plain connection) or {@value #IMPLICIT_TLS} (TLS from the first byte)
 */
public record TlsEndpoint(String protocol, int port, String mode) {
    public static final String STARTTLS = "STARTTLS";
    public static final String IMPLICIT_TLS = "TLS";
}
