package org.hostedsmime.tls;

import java.util.Optional;

/**
 * One server of James's configuration with TLS enabled ({@code <smtpserver>} of {@code smtpserver.xml}...).
 *
 * @param protocol {@code SMTP}, {@code IMAP}, {@code POP3}, {@code LMTP} or {@code ManageSieve}
 * @param index its position among the enabled servers of its protocol: James creates them in this order
 * @param mode {@code STARTTLS} or {@code TLS}
 * @param files the PEM files it is configured with; empty when it uses a keystore, which is not managed here
 */
public record TlsServerEntry(String protocol, int index, String mode, Optional<ServedFiles> files) {
    public boolean isManaged() {
        return files.isPresent();
    }
}
