package org.hostedsmime.app.guice;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.IsStartedProbe;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.protocols.lib.netty.CertificateReloadable;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.utils.PropertiesProvider;
import org.hostedsmime.core.tls.FileServerCertificateStore;
import org.hostedsmime.core.tls.MailHostNames;
import org.hostedsmime.core.tls.ServerCertificateChecks;
import org.hostedsmime.core.tls.ServerCertificateService;
import org.hostedsmime.core.tls.ServerCertificateStore;
import org.hostedsmime.core.tls.TlsServers;
import org.hostedsmime.core.tls.TlsTrustStore;
import org.hostedsmime.tls.JamesMailHostNames;
import org.hostedsmime.tls.JamesTlsConfiguration;
import org.hostedsmime.tls.JamesTlsServers;
import org.hostedsmime.tls.ServedFiles;
import org.hostedsmime.tls.ServerCertificateSync;
import org.hostedsmime.tls.TlsCertificateSettings;
import org.hostedsmime.tls.TlsCertificateSettingsReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;

/**
 * Server TLS certificate management ({@code /tls/...} WebAdmin routes) over James's own TLS servers, with its
 * state in files next to the served key. Name it in {@code extensions.properties} after the S/MIME module:
 * <pre>guice.extension.module=org.hostedsmime.app.guice.SmimeMemoryModule,org.hostedsmime.app.guice.TlsCertificateModule</pre>
 * The file state is the default {@link ServerCertificateStore}: listed with {@link SmimeCassandraModule}, the
 * state is in Cassandra instead, shared by every node, and each node serves the certificate any of them
 * applied ({@link ServerCertificateSync}). Settings: {@code conf/tls.properties}, optional (see
 * {@link TlsCertificateSettingsReader}).
 */
public class TlsCertificateModule extends AbstractModule {
    private static final Logger LOGGER = LoggerFactory.getLogger(TlsCertificateModule.class);

    @Override
    protected void configure() {
        bind(TlsServers.class).to(JamesTlsServers.class);
        bind(MailHostNames.class).to(JamesMailHostNames.class);
        OptionalBinder.newOptionalBinder(binder(), ServerCertificateStore.class)
            .setDefault().to(FileServerCertificateStore.class);
        bind(SharedCertificateStart.class).asEagerSingleton();
    }

    /**
     * Starts {@link ServerCertificateSync} once James has started its servers, from a thread of its own (an
     * extension module cannot add to James's initialization operations): it then switches running servers.
     */
    static class SharedCertificateStart {
        private static final Duration POLL = Duration.ofSeconds(1);

        private final ScheduledExecutorService waiter;

        @Inject
        SharedCertificateStart(IsStartedProbe james, Provider<ServerCertificateSync> sync) {
            waiter = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "tls-certificate-sync-start");
                thread.setDaemon(true);
                return thread;
            });
            waiter.scheduleWithFixedDelay(() -> {
                if (james.isStarted()) {
                    try {
                        sync.get().start();
                    } catch (RuntimeException e) {
                        LOGGER.error("Server TLS certificate state checks could not start", e);
                    } finally {
                        waiter.shutdown();
                    }
                }
            }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** James stopped before it started. */
        @PreDestroy
        void stop() {
            waiter.shutdownNow();
        }
    }

    @Provides
    @Singleton
    TlsCertificateSettings settings(PropertiesProvider properties, JamesDirectoriesProvider directories) throws ConfigurationException {
        Configuration configuration;
        try {
            configuration = properties.getConfiguration(TlsCertificateSettingsReader.FILE);
        } catch (FileNotFoundException e) {
            configuration = new BaseConfiguration();
        }
        return TlsCertificateSettingsReader.read(configuration, Path.of(directories.getRootDirectory()));
    }

    @Provides
    @Singleton
    JamesTlsConfiguration jamesTlsConfiguration(ConfigurationProvider configurationProvider, FileSystem fileSystem) throws ConfigurationException {
        return JamesTlsConfiguration.read(configurationProvider, fileSystem);
    }

    @Provides
    @Singleton
    JamesTlsServers jamesTlsServers(JamesTlsConfiguration configuration, Set<CertificateReloadable.Factory> factories) {
        return new JamesTlsServers(configuration, factories);
    }

    @Provides
    @Singleton
    JamesMailHostNames mailHostNames(TlsCertificateSettings settings, JamesTlsConfiguration configuration, DomainList domains) {
        return new JamesMailHostNames(settings.hostNames(), configuration.helloNames(), domains);
    }

    @Provides
    @Singleton
    FileServerCertificateStore fileStore(TlsCertificateSettings settings, JamesTlsServers servers, JamesDirectoriesProvider directories) {
        Path directory = settings.stateDirectory().orElseGet(() -> servers.servedFiles().stream()
            .findFirst()
            .map(ServedFiles::privateKey)
            .map(key -> key.getParent().resolve("state"))
            .orElse(Path.of(directories.getVarDirectory(), "tls", "state")));
        LOGGER.info("Server TLS certificate management: {} PEM file pair(s) served, state kept in {}", servers.servedFiles().size(), directory);
        return new FileServerCertificateStore(directory);
    }

    @Provides
    @Singleton
    ServerCertificateChecks checks(TlsCertificateSettings settings, MailHostNames hostNames, Clock clock) {
        return new ServerCertificateChecks(TlsTrustStore.load(settings.jdkRoots(), settings.extraTrustBundle()), hostNames, clock,
            settings.expiryWarning());
    }

    @Provides
    @Singleton
    ServerCertificateService service(TlsServers servers, ServerCertificateStore store, ServerCertificateChecks checks, Clock clock) {
        return new ServerCertificateService(servers, store, checks, clock);
    }

    @Provides
    @Singleton
    ServerCertificateSync sync(ServerCertificateService service, ServerCertificateStore store, TlsCertificateSettings settings) {
        return new ServerCertificateSync(service, store, settings.stateCheckInterval());
    }

}
