package org.hostedsmime.core.hosting;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The extension's settings ({@code conf/smime.properties}).
 *
 * @param masterKeyFile file holding the master key that encrypts hosted private keys
 * @param generateMasterKey create the master key file when missing (embedded default; never on a cluster,
 *                          where every node must share one key)
 * @param certificatesPerUser how many certificates a user may host
 * @param serverTrustBundle PEM bundle of CAs every domain trusts, when enabled
 */
public record SmimeConfiguration(Path masterKeyFile, boolean generateMasterKey, int certificatesPerUser,
                                 Optional<Path> serverTrustBundle) {
    public SmimeConfiguration {
        if (certificatesPerUser < 1) {
            throw new IllegalArgumentException("certificates.maxPerUser must be at least 1");
        }
    }
}
