package org.hostedsmime.cassandra.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.init.CassandraTableManager;
import org.apache.james.backends.cassandra.init.CassandraTypesCreator;
import org.apache.james.backends.cassandra.init.CassandraTypesProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

/**
 * Gives a test class its own keyspace on the real single-node Cassandra 4.1 that {@code scripts/cassandra.sh}
 * runs, found through {@code -Dcassandra.host=host:port}. James's own test helper expects Testcontainers,
 * and this project's machines have no Docker.
 *
 * <pre>{@code
 * @RegisterExtension
 * static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);
 * }</pre>
 *
 * <p>Before all tests of the class it creates a keyspace named after the class (replication factor 1, no
 * commit log for its writes) and the module's types and tables in it, once; before each test it truncates the
 * module's tables; after all tests it drops the keyspace. Without a reachable node the class fails, naming the
 * script that starts one: a store test that silently skips would prove nothing.
 */
public final class CassandraNodeExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** The system property, {@code host:port}, that tells the tests where the node is. */
    public static final String HOST_PROPERTY = "cassandra.host";
    public static final int DEFAULT_CQL_PORT = 9042;

    private static final String HOW_TO_START_ONE = "start one with scripts/cassandra.sh start and run the tests "
        + "with -Dcassandra.host=127.0.0.1:9042 (./test.sh does both)";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    // Schema changes are flushed to disk (the outage test kills the node), and right after a restart on two busy
    // cores a DROP KEYSPACE has been seen to take more than 10 s: set-up and clean-up wait rather than fail.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    // Keyspace names are at most 48 characters: "t_" + class name + "_" + 8 random hex digits.
    private static final int MAX_CLASS_NAME_IN_KEYSPACE = 36;

    private final CassandraModule module;
    private Class<?> ownerClass;
    private InetSocketAddress node;
    private String keyspace;
    private CqlSession session;

    public CassandraNodeExtension(CassandraModule module) {
        this.module = module;
    }

    /**
     * The node named by {@code -Dcassandra.host}, once it has accepted a connection.
     *
     * @throws IllegalStateException when the property is missing or blank, or nothing listens there, with a
     *     message that says how to start the node
     */
    public static InetSocketAddress hostFromSystemProperty() {
        InetSocketAddress address = parseHost(System.getProperty(HOST_PROPERTY));
        requireListening(address, CONNECT_TIMEOUT);
        return address;
    }

    static InetSocketAddress parseHost(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("No Cassandra at (no -D" + HOST_PROPERTY + " given): " + HOW_TO_START_ONE);
        }
        String trimmed = value.trim();
        int portSeparator = trimmed.lastIndexOf(':');
        boolean bracketedIpv6WithoutPort = trimmed.startsWith("[") && trimmed.endsWith("]");
        boolean bareIpv6 = trimmed.indexOf(':') != portSeparator && !trimmed.startsWith("[");
        if (portSeparator < 0 || bracketedIpv6WithoutPort || bareIpv6) {
            return InetSocketAddress.createUnresolved(stripBrackets(trimmed), DEFAULT_CQL_PORT);
        }
        String host = stripBrackets(trimmed.substring(0, portSeparator));
        try {
            return InetSocketAddress.createUnresolved(host, Integer.parseInt(trimmed.substring(portSeparator + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("No Cassandra at " + trimmed + " (expected host:port): " + HOW_TO_START_ONE, e);
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static void requireListening(InetSocketAddress address, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), (int) timeout.toMillis());
        } catch (IOException e) {
            throw new IllegalStateException(noCassandraAt(address), e);
        }
    }

    private static String noCassandraAt(InetSocketAddress address) {
        return "No Cassandra at " + address.getHostString() + ":" + address.getPort() + ": " + HOW_TO_START_ONE;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (session != null) {
            // A @Nested class inherits the extension: it shares the outer class's keyspace.
            return;
        }
        ownerClass = context.getRequiredTestClass();
        node = hostFromSystemProperty();
        keyspace = keyspaceNameFor(ownerClass);
        try (CqlSession withoutKeyspace = openSession(null)) {
            withoutKeyspace.execute("CREATE KEYSPACE " + keyspace
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        } catch (RuntimeException e) {
            throw new IllegalStateException(noCassandraAt(node) + " (it accepted a connection but not CQL: "
                + e.getMessage() + ")", e);
        }
        session = openSession(keyspace);
        new CassandraTypesCreator(module, session).initializeTypes();
        new CassandraTableManager(module, session).initializeTables(new CassandraTypesProvider(session));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        new CassandraTableManager(module, session).clearTables(table -> true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session == null || context.getRequiredTestClass() != ownerClass) {
            return;
        }
        try {
            session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
        } finally {
            session.close();
            session = null;
        }
    }

    public CqlSession session() {
        return session;
    }

    public String keyspace() {
        return keyspace;
    }

    public String host() {
        return node.getHostString();
    }

    public int port() {
        return node.getPort();
    }

    /** For DAOs whose statements use the module's user-defined types. */
    public CassandraTypesProvider typesProvider() {
        return new CassandraTypesProvider(session);
    }

    static String keyspaceNameFor(Class<?> testClass) {
        String className = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (className.length() > MAX_CLASS_NAME_IN_KEYSPACE) {
            className = className.substring(0, MAX_CLASS_NAME_IN_KEYSPACE);
        }
        String randomSuffix = String.format("%08x", ThreadLocalRandom.current().nextInt());
        return "t_" + className + "_" + randomSuffix;
    }

    private CqlSession openSession(String sessionKeyspace) {
        // Each DDL statement waits for the driver's schema refresh: the default 1 s debouncing window would
        // add a second to every CREATE of the module. Refreshing only this class's keyspace keeps the
        // refreshes small while other classes' keyspaces come and go. Netty's default 2 s quiet period
        // would add 2 s to every close.
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
            .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, CONNECT_TIMEOUT)
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, HANDSHAKE_TIMEOUT)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, HANDSHAKE_TIMEOUT)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, REQUEST_TIMEOUT)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, REQUEST_TIMEOUT)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ZERO)
            // A test may kill and restart the node: be back within 2 s of it, not after the default 60 s back-off.
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
            .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(keyspace))
            .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1)
            .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
            .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
            .build();
        var builder = CqlSession.builder()
            .addContactPoint(new InetSocketAddress(node.getHostString(), node.getPort()))
            .withLocalDatacenter("datacenter1")
            .withConfigLoader(config);
        if (sessionKeyspace != null) {
            builder.withKeyspace(CqlIdentifier.fromInternal(sessionKeyspace));
        }
        return builder.build();
    }
}
