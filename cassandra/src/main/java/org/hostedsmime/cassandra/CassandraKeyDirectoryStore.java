package org.hostedsmime.cassandra;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.KEY_DIRECTORY;

import java.nio.ByteBuffer;
import java.util.Comparator;

import javax.inject.Inject;

import org.apache.james.backends.cassandra.utils.CassandraAsyncExecutor;
import org.hostedsmime.core.certificate.CertificateAddresses;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.directory.CertificateSource;
import org.hostedsmime.core.directory.DirectoryEntry;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.reactivestreams.Publisher;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.querybuilder.relation.Relation;

import reactor.core.publisher.Mono;

/**
 * The key directory's collected and imported certificates in Cassandra: one partition per (lower-cased)
 * address, one row per certificate. A lookup is a single-partition read.
 */
public class CassandraKeyDirectoryStore implements KeyDirectoryStore {
    private final CassandraAsyncExecutor executor;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement seenAgain;
    private final PreparedStatement selectAddress;
    private final PreparedStatement delete;

    @Inject
    public CassandraKeyDirectoryStore(CqlSession session) {
        this.executor = new CassandraAsyncExecutor(session);
        this.insertIfAbsent = session.prepare(insertInto(KEY_DIRECTORY)
            .value("address", bindMarker("address"))
            .value("fingerprint", bindMarker("fingerprint"))
            .value("certificate", bindMarker("certificate"))
            .value("issuers", bindMarker("issuers"))
            .value("source", bindMarker("source"))
            .value("capabilities", bindMarker("capabilities"))
            .value("first_seen", bindMarker("first_seen"))
            .value("last_seen", bindMarker("last_seen"))
            .ifNotExists()
            .build());
        this.seenAgain = session.prepare(update(KEY_DIRECTORY)
            .setColumn("capabilities", bindMarker("capabilities"))
            .setColumn("last_seen", bindMarker("last_seen"))
            .where(Relation.column("address").isEqualTo(bindMarker("address")),
                Relation.column("fingerprint").isEqualTo(bindMarker("fingerprint")))
            .build());
        this.selectAddress = session.prepare(selectFrom(KEY_DIRECTORY).all()
            .where(Relation.column("address").isEqualTo(bindMarker("address")))
            .build());
        this.delete = session.prepare(deleteFrom(KEY_DIRECTORY)
            .where(Relation.column("address").isEqualTo(bindMarker("address")),
                Relation.column("fingerprint").isEqualTo(bindMarker("fingerprint")))
            .build());
    }

    @Override
    public Publisher<Void> save(DirectoryEntry entry) {
        return StoreAvailability.guard(executor.executeReturnApplied(insertIfAbsent.bind()
                .setString("address", entry.address())
                .setString("fingerprint", entry.fingerprint().value())
                .setByteBuffer("certificate", CertificateCodec.encode(entry.certificate()))
                .setList("issuers", CertificateCodec.encode(entry.issuers()), ByteBuffer.class)
                .setString("source", entry.source().value())
                .setByteBuffer("capabilities", ByteBuffer.wrap(entry.capabilities().toDer()))
                .setInstant("first_seen", entry.firstSeen())
                .setInstant("last_seen", entry.lastSeen()))
            .flatMap(inserted -> inserted
                ? Mono.<Void>empty()
                : executor.executeVoid(seenAgain.bind()
                    .setByteBuffer("capabilities", ByteBuffer.wrap(entry.capabilities().toDer()))
                    .setInstant("last_seen", entry.lastSeen())
                    .setString("address", entry.address())
                    .setString("fingerprint", entry.fingerprint().value()))));
    }

    @Override
    public Publisher<DirectoryEntry> entries(String address) {
        return StoreAvailability.guard(executor.executeRows(selectAddress.bind().setString("address", CertificateAddresses.normalize(address)))
            .map(CassandraKeyDirectoryStore::toEntry)
            .sort(Comparator.comparing(DirectoryEntry::firstSeen)));
    }

    @Override
    public Publisher<Void> delete(String address, Fingerprint fingerprint) {
        return StoreAvailability.guard(executor.executeVoid(delete.bind()
            .setString("address", CertificateAddresses.normalize(address))
            .setString("fingerprint", fingerprint.value())));
    }

    private static DirectoryEntry toEntry(Row row) {
        return new DirectoryEntry(row.getString("address"), new Fingerprint(row.getString("fingerprint")),
            CertificateCodec.certificate(row.getByteBuffer("certificate")),
            CertificateCodec.certificates(row.getList("issuers", ByteBuffer.class)),
            CertificateSource.parse(row.getString("source")).orElse(CertificateSource.COLLECTED),
            SmimeCapabilities.fromDer(CertificateCodec.bytes(row.getByteBuffer("capabilities"))),
            row.getInstant("first_seen"), row.getInstant("last_seen"));
    }
}
