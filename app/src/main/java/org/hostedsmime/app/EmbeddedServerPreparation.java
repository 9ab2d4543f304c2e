package org.hostedsmime.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.hostedsmime.core.tls.PemFiles;
import org.hostedsmime.core.tls.SelfSignedServerCertificate;
import org.hostedsmime.core.tls.ServerCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded default needs on disk before James reads its configuration: James refuses to start a
 * TLS-enabled server whose PEM files are missing, so a fresh checkout gets a self-signed certificate.
 * Files that exist are never touched.
 */
public class EmbeddedServerPreparation {
    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedServerPreparation.class);

    public static final String TLS_PRIVATE_KEY = "var/tls/server-key.pem";
    public static final String TLS_CERTIFICATES = "var/tls/server-chain.pem";

    private final Path workingDirectory;
    private final Clock clock;

    public EmbeddedServerPreparation(Path workingDirectory, Clock clock) {
        this.workingDirectory = workingDirectory;
        this.clock = clock;
    }

    public void prepare() {
        ensureServerCertificate();
    }

    private void ensureServerCertificate() {
        Path key = workingDirectory.resolve(TLS_PRIVATE_KEY);
        Path chain = workingDirectory.resolve(TLS_CERTIFICATES);
        if (Files.exists(key) && Files.exists(chain)) {
            return;
        }
        ServerCredentials credentials = SelfSignedServerCertificate.generate("localhost", List.of("localhost"), clock);
        PemFiles.writeSecretAtomically(key, PemFiles.toPem(credentials.privateKey()));
        PemFiles.writeSecretAtomically(chain, PemFiles.toPem(credentials.chain()));
        LOGGER.warn("Generated a self-signed TLS certificate for STARTTLS in {}: upload a real one with PUT /tls/certificate",
            chain.getParent());
    }
}
