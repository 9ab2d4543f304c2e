package org.hostedsmime.app.guice;

import java.io.FileNotFoundException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.PropertiesProvider;
import org.hostedsmime.cassandra.CassandraDomainTrustStore;
import org.hostedsmime.cassandra.CassandraHostedCertificateStore;
import org.hostedsmime.cassandra.CassandraKeyDirectoryStore;
import org.hostedsmime.cassandra.CassandraServerCertificateStore;
import org.hostedsmime.cassandra.CassandraSmimeSettingsStore;
import org.hostedsmime.cassandra.SmimeCassandraSession;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.keys.PrivateKeyEncryption;
import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.core.store.SmimeSettingsStore;
import org.hostedsmime.core.tls.ServerCertificateStore;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Named;

/**
 * Hosted S/MIME with every store on Cassandra. Name it in {@code extensions.properties}:
 * <pre>guice.extension.module=org.hostedsmime.app.guice.SmimeCassandraModule</pre>
 * In James's Cassandra-backed servers the stores share James's session and keyspace; in a memory James they
 * open their own session from {@code cassandra.properties} ({@code cassandra.nodes}, {@code cassandra.keyspace},
 * {@code cassandra.replication.factor}, {@code cassandra.local.dc}). Every node of a cluster must use the same
 * master key file ({@code smime.properties}). Listed together with {@link TlsCertificateModule}, the server TLS
 * certificate state is in Cassandra too (instead of files), shared by every node, its private keys encrypted
 * with the master key.
 */
public class SmimeCassandraModule extends AbstractModule {
    static final String SESSION = "hostedSmimeSession";

    @Override
    protected void configure() {
        install(new SmimeServicesModule());
        OptionalBinder.newOptionalBinder(binder(), ServerCertificateStore.class)
            .setBinding().to(CassandraServerCertificateStore.class);
    }

    @Provides
    @Singleton
    @Named(SESSION)
    CqlSession session(Injector injector, PropertiesProvider properties) throws ConfigurationException {
        Binding<CqlSession> james = injector.getExistingBinding(Key.get(CqlSession.class));
        if (james != null) {
            return SmimeCassandraSession.withTables(james.getProvider().get());
        }
        return SmimeCassandraSession.withTables(SmimeCassandraSession.open(settings(properties)));
    }

    static SmimeCassandraSession.Settings settings(PropertiesProvider properties) throws ConfigurationException {
        Configuration configuration;
        try {
            configuration = properties.getConfiguration("cassandra");
        } catch (FileNotFoundException e) {
            throw new ConfigurationException("SmimeCassandraModule in a server without Cassandra needs conf/cassandra.properties (cassandra.nodes)");
        }
        List<InetSocketAddress> nodes = Arrays.stream(configuration.getStringArray("cassandra.nodes"))
            .map(String::trim)
            .filter(node -> !node.isEmpty())
            .map(node -> {
                int colon = node.lastIndexOf(':');
                return colon < 0 ? new InetSocketAddress(node, 9042) : new InetSocketAddress(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)));
            })
            .toList();
        if (nodes.isEmpty()) {
            throw new ConfigurationException("cassandra.properties: cassandra.nodes is required");
        }
        return new SmimeCassandraSession.Settings(nodes,
            configuration.getString("cassandra.keyspace", "hosted_smime"),
            configuration.getInt("cassandra.replication.factor", 1),
            configuration.getString("cassandra.local.dc", "datacenter1"));
    }

    @Provides
    @Singleton
    HostedCertificateStore hostedCertificateStore(@Named(SESSION) CqlSession session) {
        return new CassandraHostedCertificateStore(session);
    }

    @Provides
    @Singleton
    SmimeSettingsStore smimeSettingsStore(@Named(SESSION) CqlSession session) {
        return new CassandraSmimeSettingsStore(session);
    }

    @Provides
    @Singleton
    DomainTrustStore domainTrustStore(@Named(SESSION) CqlSession session) {
        return new CassandraDomainTrustStore(session);
    }

    @Provides
    @Singleton
    KeyDirectoryStore keyDirectoryStore(@Named(SESSION) CqlSession session) {
        return new CassandraKeyDirectoryStore(session);
    }

    @Provides
    @Singleton
    CassandraServerCertificateStore serverCertificateStore(@Named(SESSION) CqlSession session, PrivateKeyEncryption keyEncryption) {
        return new CassandraServerCertificateStore(session, keyEncryption);
    }
}
