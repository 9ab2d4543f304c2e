package org.hostedsmime.core.tls;

import java.util.List;

/**
 * The mail server's TLS servers, as certificate management needs them: what they serve, where, and switching
 * all of them to new credentials at once. Implemented over James's servers by the {@code tls} module.
 */
public interface TlsServers {

    /** The key and chain the servers are configured with now, read from where they read it. */
    ServerCredentials served();

    /** The listening servers that present {@link #served()}. */
    List<TlsEndpoint> endpoints();

    /**
     * Makes every server present {@code credentials} to new connections, or none of them: when a step fails, what
     * was served before is restored and a {@code tls-apply-failed} {@link ServerCertificateProblem} is thrown.
     */
    void serve(ServerCredentials credentials);
}
