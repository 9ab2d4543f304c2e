package org.hostedsmime.tls;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A pair of PEM files a TLS server is configured with ({@code <privateKey>}, {@code <certificates>}), as paths
 * on disk, and the {@code <secret>} the key is encrypted with, if any. {@link #toString()} never shows the secret.
 */
public record ServedFiles(Path privateKey, Path certificates, Optional<String> secret) {
    @Override
    public String toString() {
        return "ServedFiles{privateKey=" + privateKey + ", certificates=" + certificates + (secret.isPresent() ? ", encrypted" : "") + "}";
    }
}
