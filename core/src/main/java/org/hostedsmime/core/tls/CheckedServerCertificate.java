package org.hostedsmime.core.tls;

import java.util.List;

/**
 * A certificate that passed every check: the key and the ordered chain to serve, and the warnings that go
 * with it.
 */
public record CheckedServerCertificate(ServerCredentials credentials, ServerCertificatePath path, List<ServerCertificateWarning> warnings) {
    public CheckedServerCertificate {
        warnings = List.copyOf(warnings);
    }
}
