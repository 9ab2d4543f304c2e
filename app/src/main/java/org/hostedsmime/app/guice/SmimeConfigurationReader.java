package org.hostedsmime.app.guice;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.PropertiesProvider;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.hosting.SmimeConfiguration;

/**
 * Reads {@code smime.properties} (James's configuration directory). Relative paths are resolved against
 * James's working directory.
 *
 * <pre>
 * masterKey.file=var/smime/master.key
 * masterKey.generateIfMissing=false
 * certificates.maxPerUser=30
 * trust.serverWide.enabled=false
 * trust.serverWide.bundle=conf/trusted-cas.pem
 * </pre>
 */
public class SmimeConfigurationReader {
    public static final String FILE = "smime";

    public static SmimeConfiguration read(PropertiesProvider properties, Path workingDirectory) throws ConfigurationException {
        Configuration configuration;
        try {
            configuration = properties.getConfiguration(FILE);
        } catch (FileNotFoundException e) {
            throw new ConfigurationException("Hosted S/MIME needs conf/" + FILE + ".properties (at least masterKey.file)");
        }
        String masterKeyFile = configuration.getString("masterKey.file", null);
        if (masterKeyFile == null) {
            throw new ConfigurationException(FILE + ".properties: masterKey.file is required");
        }
        Optional<Path> bundle = Optional.empty();
        if (configuration.getBoolean("trust.serverWide.enabled", false)) {
            String bundleFile = configuration.getString("trust.serverWide.bundle", null);
            if (bundleFile == null) {
                throw new ConfigurationException(FILE + ".properties: trust.serverWide.enabled needs trust.serverWide.bundle");
            }
            bundle = Optional.of(resolve(workingDirectory, bundleFile));
        }
        return new SmimeConfiguration(
            resolve(workingDirectory, masterKeyFile),
            configuration.getBoolean("masterKey.generateIfMissing", false),
            configuration.getInt("certificates.maxPerUser", HostedCertificateService.DEFAULT_LIMIT),
            bundle);
    }

    private static Path resolve(Path workingDirectory, String file) {
        String path = file.startsWith("file://") ? file.substring("file://".length()) : file;
        return workingDirectory.resolve(path).normalize();
    }
}
