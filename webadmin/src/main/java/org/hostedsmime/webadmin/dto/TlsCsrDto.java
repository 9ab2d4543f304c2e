package org.hostedsmime.webadmin.dto;

import java.time.Instant;
import java.util.List;

import org.hostedsmime.core.tls.PendingCertificateRequest;

/** The certificate signing request to hand to a CA ({@code csr}, PEM), and what it asks for. The key stays on the server. */
public record TlsCsrDto(String csr, String commonName, List<String> subjectAltNames, String keyType, Instant createdAt) {
    public static TlsCsrDto of(PendingCertificateRequest request) {
        return new TlsCsrDto(request.csrPem(), request.commonName(), request.subjectAltNames(), request.keyType().value(), request.createdAt());
    }
}
