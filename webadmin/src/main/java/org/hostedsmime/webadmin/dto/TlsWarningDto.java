package org.hostedsmime.webadmin.dto;

import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.tls.ServerCertificateWarning;

/** {@code {"type": "expires-soon", "message": "..."}}, the message in the request's language. */
public record TlsWarningDto(String type, String message) {
    public static TlsWarningDto of(ServerCertificateWarning warning, SmimeMessages messages) {
        return new TlsWarningDto(warning.type(), warning.text().in(messages));
    }
}
