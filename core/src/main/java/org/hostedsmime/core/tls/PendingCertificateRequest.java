package org.hostedsmime.core.tls;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate signing request waiting for the CA's answer, with the private key generated for it. The key
 * never leaves the server: the certificate uploaded later without a key is completed with it.
 *
 * @param csrPem the PKCS#10 request ({@code BEGIN CERTIFICATE REQUEST}) handed to the CA
 */
public record PendingCertificateRequest(PrivateKey privateKey, String csrPem, String commonName, List<String> subjectAltNames,
                                        CsrKeyType keyType, Instant createdAt) {
    public PendingCertificateRequest {
        Objects.requireNonNull(privateKey);
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    @Override
    public String toString() {
        return "PendingCertificateRequest{" + commonName + " " + subjectAltNames + ", " + keyType.value() + ", createdAt=" + createdAt + "}";
    }
}
