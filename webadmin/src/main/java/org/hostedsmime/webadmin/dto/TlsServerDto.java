package org.hostedsmime.webadmin.dto;

import org.hostedsmime.core.tls.TlsEndpoint;

/** A server presenting the certificate: {@code {"protocol": "SMTP", "port": 25, "tls": "STARTTLS"}}. */
public record TlsServerDto(String protocol, int port, String tls) {
    public static TlsServerDto of(TlsEndpoint endpoint) {
        return new TlsServerDto(endpoint.protocol(), endpoint.port(), endpoint.mode());
    }
}
