package org.hostedsmime.cassandra;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.apache.james.backends.cassandra.init.CassandraTableManager;
import org.apache.james.backends.cassandra.init.CassandraTypesProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

/**
 * The Cassandra session the stores use. Inside James's Cassandra-backed servers it is James's own session
 * (same cluster, same keyspace); next to a memory James (the embedded default with {@code --cassandra}, tests)
 * the extension opens its own. Either way this extension creates its tables itself: a Guice extension module
 * cannot add them to James's schema initialisation.
 */
public final class SmimeCassandraSession {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeCassandraSession.class);

    /** Where our own session connects, from {@code cassandra.properties} (James's format). */
    public record Settings(List<InetSocketAddress> nodes, String keyspace, int replicationFactor, String localDatacenter) {
    }

    private SmimeCassandraSession() {
    }

    /** Creates the tables of every store if they are not there yet. */
    public static CqlSession withTables(CqlSession session) {
        new CassandraTableManager(SmimeCassandraSchema.MODULE, session).initializeTables(new CassandraTypesProvider(session));
        return session;
    }

    /**
     * Opens a session to {@code settings.nodes()}, creating the keyspace if needed. Reconnection is quick
     * (at most 2 s apart) so the stores come back soon after Cassandra does.
     */
    public static CqlSession open(Settings settings) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(10))
            .build();
        try (CqlSession system = CqlSession.builder()
            .addContactPoints(settings.nodes())
            .withLocalDatacenter(settings.localDatacenter())
            .withConfigLoader(config)
            .build()) {
            system.execute("CREATE KEYSPACE IF NOT EXISTS " + CqlIdentifier.fromInternal(settings.keyspace()).asCql(true)
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + settings.replicationFactor() + "}");
        }
        CqlSession session = CqlSession.builder()
            .addContactPoints(settings.nodes())
            .withLocalDatacenter(settings.localDatacenter())
            .withKeyspace(CqlIdentifier.fromInternal(settings.keyspace()))
            .withConfigLoader(config)
            .build();
        LOGGER.info("Hosted S/MIME stores on Cassandra {} keyspace {}", settings.nodes(), settings.keyspace());
        return session;
    }
}
