package org.hostedsmime.cassandra.testing;

import static com.datastax.oss.driver.api.core.type.DataTypes.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.type.UserDefinedType;

class CassandraNodeExtensionTest {
    private static final CassandraModule GREETINGS = CassandraModule.builder()
        .type("author")
        .statement(type -> type.withField("name", TEXT))
        .table("greetings")
        .comment("One greeting per id, signed by a user-defined type so that types are created before tables.")
        .statement(table -> types -> table
            .withPartitionKey("id", TEXT)
            .withColumn("message", TEXT)
            .withColumn("author", types.getDefinedUserType("author")))
        .build();

    @RegisterExtension
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(GREETINGS);

    @RepeatedTest(2)
    void eachTestStartsWithEmptyTablesWhateverTheTestBeforeWrote() {
        assertThat(greetingCount()).isZero();

        PreparedStatement insert = cassandra.session().prepare("INSERT INTO greetings (id, message, author) VALUES (?, ?, ?)");
        UdtValue author = cassandra.typesProvider().getDefinedUserType("author").newValue().setString("name", "alice");
        cassandra.session().execute(insert.bind("hello", "Hello, world", author));

        Row row = cassandra.session().execute("SELECT message, author FROM greetings WHERE id = 'hello'").one();
        assertThat(row.getString("message")).isEqualTo("Hello, world");
        assertThat(row.getUdtValue("author").getString("name")).isEqualTo("alice");
        assertThat(greetingCount()).isEqualTo(1);
    }

    @Test
    void sessionWorksInTheClassKeyspaceWhichHasTheModuleSchema() {
        KeyspaceMetadata keyspace = cassandra.session().getMetadata().getKeyspace(cassandra.keyspace()).orElseThrow();

        assertThat(cassandra.session().getKeyspace()).contains(CqlIdentifier.fromInternal(cassandra.keyspace()));
        assertThat(keyspace.getReplication())
            .containsEntry("class", "org.apache.cassandra.locator.SimpleStrategy")
            .containsEntry("replication_factor", "1");
        assertThat(keyspace.getTable("greetings")).isPresent();
        assertThat(keyspace.getUserDefinedType("author")).map(UserDefinedType::getFieldNames)
            .contains(List.of(CqlIdentifier.fromInternal("name")));
    }

    @Test
    void keyspaceIsNamedAfterTheTestClassAndUniquePerRun() {
        assertThat(cassandra.keyspace()).matches("t_cassandranodeextensiontest_[0-9a-f]{8}");
        assertThat(CassandraNodeExtension.keyspaceNameFor(CassandraNodeExtensionTest.class))
            .isNotEqualTo(cassandra.keyspace());
    }

    @Test
    void keyspaceNamesStayWithinCassandrasLimitForLongClassNames() {
        class AVeryLongTestClassNameForAStoreThatNobodyWouldEverWantToTypeTwice {
        }

        assertThat(CassandraNodeExtension.keyspaceNameFor(AVeryLongTestClassNameForAStoreThatNobodyWouldEverWantToTypeTwice.class))
            .hasSizeLessThanOrEqualTo(48)
            .matches("[a-z0-9_]+");
    }

    @Test
    void hostAndPortAreTheOnesOfTheSystemProperty() {
        InetSocketAddress configured = CassandraNodeExtension.parseHost(System.getProperty(CassandraNodeExtension.HOST_PROPERTY));

        assertThat(cassandra.host()).isEqualTo(configured.getHostString());
        assertThat(cassandra.port()).isEqualTo(configured.getPort());
    }

    @Test
    void missingHostPropertyFailsNamingTheScriptThatStartsCassandra() {
        assertThatThrownBy(() -> CassandraNodeExtension.parseHost(""))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("No Cassandra at")
            .hasMessageContaining("scripts/cassandra.sh start")
            .hasMessageContaining("-Dcassandra.host=127.0.0.1:9042");
    }

    @Test
    void hostWithoutListenerFailsNamingTheScriptThatStartsCassandra() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        InetSocketAddress nobody = CassandraNodeExtension.parseHost("127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> CassandraNodeExtension.requireListening(nobody, Duration.ofSeconds(1)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("No Cassandra at 127.0.0.1:" + closedPort + ": start one with scripts/cassandra.sh start");
    }

    @Test
    void hostPropertyAcceptsHostAloneAndIpv6() {
        assertThat(CassandraNodeExtension.parseHost("localhost"))
            .isEqualTo(InetSocketAddress.createUnresolved("localhost", 9042));
        assertThat(CassandraNodeExtension.parseHost("[::1]:9142"))
            .isEqualTo(InetSocketAddress.createUnresolved("::1", 9142));
    }

    private long greetingCount() {
        return cassandra.session().execute("SELECT id FROM greetings").all().size();
    }
}
