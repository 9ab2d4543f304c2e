package org.hostedsmime.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.configuration2.Configuration;

/**
 * Reads {@code tls.properties}; every key is optional. Relative paths are resolved against James's working
 * directory.
 *
 * <pre>
 * hostNames=mail.example.org,imap.example.org
 * trust.jdkRoots=true
 * trust.extraBundle=conf/company-ca.pem
 * warning.expiresWithinDays=30
 * state.directory=var/tls/state
 * state.checkIntervalSeconds=60
 * </pre>
 */
public final class TlsCertificateSettingsReader {
    public static final String FILE = "tls";

    public static TlsCertificateSettings read(Configuration configuration, Path workingDirectory) {
        return new TlsCertificateSettings(
            Arrays.stream(configuration.getStringArray("hostNames"))
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList(),
            configuration.getBoolean("trust.jdkRoots", true),
            path(configuration, "trust.extraBundle", workingDirectory),
            Duration.ofDays(configuration.getInt("warning.expiresWithinDays", (int) TlsCertificateSettings.DEFAULT_EXPIRY_WARNING.toDays())),
            path(configuration, "state.directory", workingDirectory),
            Duration.ofSeconds(configuration.getLong("state.checkIntervalSeconds", TlsCertificateSettings.DEFAULT_STATE_CHECK_INTERVAL.toSeconds())));
    }

    private static Optional<Path> path(Configuration configuration, String key, Path workingDirectory) {
        return Optional.ofNullable(configuration.getString(key, null))
            .map(String::trim)
            .filter(value -> !value.isEmpty())
            .map(value -> value.startsWith("file://") ? value.substring("file://".length()) : value)
            .map(value -> workingDirectory.resolve(value).normalize());
    }

    private TlsCertificateSettingsReader() {
    }
}
