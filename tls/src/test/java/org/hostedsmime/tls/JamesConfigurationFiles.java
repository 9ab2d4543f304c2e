package org.hostedsmime.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.JamesServerResourceLoader;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.server.core.configuration.FileConfigurationProvider;
import org.apache.james.server.core.filesystem.FileSystemImpl;

/** James's configuration files given as text, read by James's own parser, over a working directory. */
final class JamesConfigurationFiles {
    static ConfigurationProvider of(Map<String, String> files) {
        return (component, loggingLevel) -> {
            String xml = files.get(component);
            if (xml == null) {
                return FileConfigurationProvider.EMPTY_CONFIGURATION;
            }
            return FileConfigurationProvider.getConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        };
    }

    static FileSystem fileSystem(Path workingDirectory) {
        return new FileSystemImpl(new JamesServerResourceLoader(workingDirectory.toString()));
    }

    /** A {@code <tls>} section with PEM files under {@code var/tls/}. */
    static String tls(String attributes, String prefix) {
        return "<tls " + attributes + "><privateKey>file://var/tls/" + prefix + "-key.pem</privateKey>"
            + "<certificates>file://var/tls/" + prefix + "-chain.pem</certificates></tls>";
    }

    private JamesConfigurationFiles() {
    }
}
