package org.hostedsmime.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Server certificate management settings ({@code conf/tls.properties}).
 *
 * @param hostNames names the certificate must cover; empty: {@code mail.<domain>} for each James domain plus the
 *                  SMTP hello name when it is configured
 * @param jdkRoots whether the JDK's default root certificates are trusted
 * @param extraTrustBundle a PEM bundle of further trusted roots, e.g. a company CA
 * @param expiryWarning how long before its end a certificate gets an {@code expires-soon} warning
 * @param stateDirectory where the previous certificate, the pending request and CRLs are kept; empty: a
 *                       {@code state} directory next to the served private key
 * @param stateCheckInterval with a state shared by several servers (Cassandra), how often each checks whether
 *                           another one applied a certificate, besides at start; zero: only at start
 */
public record TlsCertificateSettings(List<String> hostNames, boolean jdkRoots, Optional<Path> extraTrustBundle, Duration expiryWarning,
                                     Optional<Path> stateDirectory, Duration stateCheckInterval) {
    public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(30);
    public static final Duration DEFAULT_STATE_CHECK_INTERVAL = Duration.ofSeconds(60);
    public static final TlsCertificateSettings DEFAULT = new TlsCertificateSettings(List.of(), true, Optional.empty(), DEFAULT_EXPIRY_WARNING,
        Optional.empty(), DEFAULT_STATE_CHECK_INTERVAL);

    public TlsCertificateSettings {
        hostNames = List.copyOf(hostNames);
        if (expiryWarning.isNegative()) {
            throw new IllegalArgumentException("The expiry warning period cannot be negative");
        }
        if (stateCheckInterval.isNegative()) {
            throw new IllegalArgumentException("The state check interval cannot be negative");
        }
    }
}
