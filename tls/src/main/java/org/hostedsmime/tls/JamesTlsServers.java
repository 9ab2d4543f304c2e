package org.hostedsmime.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.james.protocols.lib.jmx.ServerMBean;
import org.apache.james.protocols.lib.netty.CertificateReloadable;
import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.tls.PemFiles;
import org.hostedsmime.core.tls.PrivateKeyReader;
import org.hostedsmime.core.tls.ServerCertificateProblem;
import org.hostedsmime.core.tls.ServerCredentials;
import org.hostedsmime.core.tls.TlsEndpoint;
import org.hostedsmime.core.tls.TlsServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.altindag.ssl.util.PemUtils;

/**
 * James's TLS servers behind {@link TlsServers}. Switching to new credentials: first James's own PEM loader
 * reads them from memory (nothing is touched when it cannot); then every PEM file pair the configuration names
 * is replaced atomically (owner-only), and every server using them rebuilds its TLS context through
 * {@link CertificateReloadable#reloadSSLCertificate()}, which new connections use at once. When writing or a
 * reload fails, the previous files are put back and the servers reloaded again, so none is left serving
 * something else than the others, or nothing.
 *
 * <p>A running server is tied to its configuration by its protocol (service type) and its rank among the
 * enabled servers of that protocol, the order in which James creates them.</p>
 */
public class JamesTlsServers implements TlsServers {
    private static final Logger LOGGER = LoggerFactory.getLogger(JamesTlsServers.class);

    private record LiveServer(CertificateReloadable server, TlsServerEntry entry) {
    }

    private final JamesTlsConfiguration configuration;
    private final Set<CertificateReloadable.Factory> factories;

    public JamesTlsServers(JamesTlsConfiguration configuration, Set<CertificateReloadable.Factory> factories) {
        this.configuration = configuration;
        this.factories = factories;
    }

    /** Every distinct pair of PEM files the TLS servers are configured with, in configuration order. */
    public List<ServedFiles> servedFiles() {
        Set<ServedFiles> files = new LinkedHashSet<>();
        configuration.entries().forEach(entry -> entry.files().ifPresent(files::add));
        return List.copyOf(files);
    }

    @Override
    public ServerCredentials served() {
        ServedFiles files = servedFiles().stream().findFirst()
            .orElseThrow(() -> new IllegalStateException("No TLS server of James is configured with PEM files (<privateKey>, <certificates>)"));
        byte[] key = read(files.privateKey()).orElseThrow(() -> new IllegalStateException(files.privateKey() + " does not exist"));
        byte[] chain = read(files.certificates()).orElseThrow(() -> new IllegalStateException(files.certificates() + " does not exist"));
        return new ServerCredentials(PrivateKeyReader.read("served private key", key, files.secret().map(String::toCharArray)),
            CertificateDecoder.certificates(chain));
    }

    @Override
    public List<TlsEndpoint> endpoints() {
        return liveServers().stream()
            .map(live -> new TlsEndpoint(live.entry().protocol(), live.server().getPort(), live.entry().mode()))
            .toList();
    }

    @Override
    public synchronized void serve(ServerCredentials credentials) {
        List<ServedFiles> targets = servedFiles();
        if (targets.isEmpty()) {
            throw failed("no TLS server is configured with PEM files (<privateKey>, <certificates>)", null);
        }
        Map<ServedFiles, Contents> next = new LinkedHashMap<>();
        targets.forEach(files -> next.put(files, Contents.of(credentials, files)));
        next.forEach(JamesTlsServers::requireLoadable);

        Map<Path, Optional<byte[]>> before = new LinkedHashMap<>();
        targets.forEach(files -> {
            before.put(files.privateKey(), read(files.privateKey()));
            before.put(files.certificates(), read(files.certificates()));
        });
        List<LiveServer> servers = liveServers();
        try {
            next.forEach((files, contents) -> {
                PemFiles.writeSecretAtomically(files.certificates(), contents.chain());
                PemFiles.writeSecretAtomically(files.privateKey(), contents.privateKey());
            });
            for (LiveServer live : servers) {
                reload(live);
            }
        } catch (RuntimeException e) {
            restore(before, servers);
            throw failed(e.getMessage(), e);
        }
    }

    /** What a pair of files gets: the chain, and the key as PKCS#8, encrypted when the configuration has a secret. */
    private record Contents(String privateKey, String chain) {
        static Contents of(ServerCredentials credentials, ServedFiles files) {
            return new Contents(files.secret()
                .map(secret -> PemFiles.toEncryptedPem(credentials.privateKey(), secret.toCharArray()))
                .orElseGet(() -> PemFiles.toPem(credentials.privateKey())),
                PemFiles.toPem(credentials.chain()));
        }

        @Override
        public String toString() {
            return "Contents{" + chain.length() + " characters of certificates}";
        }
    }

    /** James's PEM loader (sslcontext-kickstart) must accept what will be written, before anything is. */
    private static void requireLoadable(ServedFiles files, Contents contents) {
        try {
            PemUtils.loadIdentityMaterial(
                new ByteArrayInputStream(contents.chain().getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(contents.privateKey().getBytes(StandardCharsets.US_ASCII)),
                files.secret().map(String::toCharArray).orElse(null));
        } catch (RuntimeException e) {
            throw failed("James cannot load this key and chain (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void reload(LiveServer live) {
        try {
            live.server().reloadSSLCertificate();
        } catch (Exception e) {
            throw new IllegalStateException(live.entry().protocol() + " server on port " + live.server().getPort()
                + " could not reload its certificate: " + e.getMessage(), e);
        }
    }

    private void restore(Map<Path, Optional<byte[]>> before, List<LiveServer> servers) {
        before.forEach((file, content) -> {
            try {
                if (content.isPresent()) {
                    PemFiles.writeSecretAtomically(file, content.get());
                } else {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.error("Could not restore {} after a failed certificate switch", file, e);
            }
        });
        for (LiveServer live : servers) {
            try {
                reload(live);
            } catch (RuntimeException e) {
                LOGGER.error("Could not reload the previous certificate", e);
            }
        }
        LOGGER.warn("Server certificate switch failed: the previous files are back in place");
    }

    /** The running servers that serve the managed files, tied to their configuration entries, SMTP first. */
    private List<LiveServer> liveServers() {
        Map<ServerProtocol, Integer> seen = new EnumMap<>(ServerProtocol.class);
        List<LiveServer> live = new ArrayList<>();
        factories.stream()
            .flatMap(CertificateReloadable.Factory::certificatesReloadable)
            .forEach(server -> protocolOf(server).ifPresent(protocol -> {
                int index = seen.merge(protocol, 1, Integer::sum) - 1;
                configuration.entries().stream()
                    .filter(entry -> entry.protocol().equals(protocol.displayName()) && entry.index() == index && entry.isManaged())
                    .findFirst()
                    .ifPresent(entry -> live.add(new LiveServer(server, entry)));
            }));
        live.sort(Comparator.comparing((LiveServer server) -> ServerProtocol.valueOfDisplayName(server.entry().protocol()))
            .thenComparingInt(server -> server.server().getPort()));
        return live;
    }

    private static Optional<ServerProtocol> protocolOf(CertificateReloadable server) {
        if (server instanceof ServerMBean bean) {
            return ServerProtocol.ofServiceType(bean.getServiceType());
        }
        return Optional.empty();
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static ServerCertificateProblem failed(String reason, Throwable cause) {
        return new ServerCertificateProblem(ProblemType.TLS_APPLY_FAILED, ProblemType.TLS_APPLY_FAILED.messageKey(),
            "The server certificate could not be applied: " + reason, Map.of(), cause, reason);
    }
}
