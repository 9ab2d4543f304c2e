package org.hostedsmime.tls;

import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.hostedsmime.core.tls.TlsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code <tls>} sections of James's server configuration ({@code smtpserver.xml}, {@code imapserver.xml},
 * {@code pop3server.xml}, {@code lmtpserver.xml}, {@code managesieveserver.xml}), read the way James reads them
 * ({@code SslConfig}), with file locations resolved by James's {@link FileSystem} ({@code file://var/...} lands
 * where James looks). Also the SMTP hello names set explicitly, which clients may connect to.
 */
public record JamesTlsConfiguration(List<TlsServerEntry> entries, List<String> helloNames) {
    private static final Logger LOGGER = LoggerFactory.getLogger(JamesTlsConfiguration.class);

    public JamesTlsConfiguration {
        entries = List.copyOf(entries);
        helloNames = List.copyOf(helloNames);
    }

    public static JamesTlsConfiguration read(ConfigurationProvider configurationProvider, FileSystem fileSystem) throws ConfigurationException {
        List<TlsServerEntry> entries = new ArrayList<>();
        List<String> helloNames = new ArrayList<>();
        for (ServerProtocol protocol : ServerProtocol.values()) {
            List<HierarchicalConfiguration<ImmutableNode>> servers = configurationProvider.getConfiguration(protocol.element())
                .configurationsAt(protocol.element());
            int index = 0;
            for (HierarchicalConfiguration<ImmutableNode> server : servers) {
                if (!server.getBoolean("[@enabled]", true)) {
                    continue;
                }
                entry(protocol, index, server, fileSystem).ifPresent(entries::add);
                if (protocol == ServerProtocol.SMTP && !server.getBoolean("helloName.[@autodetect]", true)) {
                    Optional.ofNullable(server.getString("helloName", null)).map(String::trim).filter(name -> !name.isEmpty())
                        .ifPresent(helloNames::add);
                }
                index++;
            }
        }
        return new JamesTlsConfiguration(entries, helloNames);
    }

    private static Optional<TlsServerEntry> entry(ServerProtocol protocol, int index, HierarchicalConfiguration<ImmutableNode> server,
                                                  FileSystem fileSystem) {
        boolean startTls = server.getBoolean("tls.[@startTLS]", false);
        boolean implicitTls = server.getBoolean("tls.[@socketTLS]", false);
        if (!startTls && !implicitTls) {
            return Optional.empty();
        }
        String mode = startTls ? TlsEndpoint.STARTTLS : TlsEndpoint.IMPLICIT_TLS;
        String privateKey = server.getString("tls.privateKey", null);
        String certificates = server.getString("tls.certificates", null);
        if (privateKey == null || certificates == null) {
            LOGGER.warn("{} server #{} uses a keystore: uploading a server certificate does not change what it serves", protocol.displayName(), index);
            return Optional.of(new TlsServerEntry(protocol.displayName(), index, mode, Optional.empty()));
        }
        try {
            ServedFiles files = new ServedFiles(fileSystem.getFile(privateKey).toPath().toAbsolutePath().normalize(),
                fileSystem.getFile(certificates).toPath().toAbsolutePath().normalize(),
                Optional.ofNullable(server.getString("tls.secret", null)).filter(secret -> !secret.isEmpty()));
            return Optional.of(new TlsServerEntry(protocol.displayName(), index, mode, Optional.of(files)));
        } catch (FileNotFoundException | UnsupportedOperationException e) {
            LOGGER.warn("{} server #{} reads its PEM files from a location that cannot be written ({}): it is not managed",
                protocol.displayName(), index, certificates);
            return Optional.of(new TlsServerEntry(protocol.displayName(), index, mode, Optional.empty()));
        }
    }
}
