package org.hostedsmime.cassandra;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.literal;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.HOSTED_CERTIFICATES;

import java.nio.ByteBuffer;
import java.util.Comparator;

import javax.inject.Inject;

import org.apache.james.backends.cassandra.utils.CassandraAsyncExecutor;
import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.store.HostedCertificate;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.reactivestreams.Publisher;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.querybuilder.relation.Relation;
import com.datastax.oss.driver.api.querybuilder.condition.Condition;

import reactor.core.publisher.Mono;

/**
 * Hosted certificates in Cassandra: one partition per user, one row per certificate, the default certificate
 * as a static column of the partition. The private key is stored only as the ciphertext, nonce and master
 * key id of {@link EncryptedPrivateKey}.
 */
public class CassandraHostedCertificateStore implements HostedCertificateStore {
    private final CassandraAsyncExecutor executor;
    private final PreparedStatement insert;
    private final PreparedStatement selectAll;
    private final PreparedStatement selectOne;
    private final PreparedStatement deleteOne;
    private final PreparedStatement setDefault;
    private final PreparedStatement clearDefaultIfIs;
    private final PreparedStatement selectDefault;

    @Inject
    public CassandraHostedCertificateStore(CqlSession session) {
        this.executor = new CassandraAsyncExecutor(session);
        this.insert = session.prepare(insertInto(HOSTED_CERTIFICATES)
            .value("owner", bindMarker("owner"))
            .value("fingerprint", bindMarker("fingerprint"))
            .value("chain", bindMarker("chain"))
            .value("master_key_id", bindMarker("master_key_id"))
            .value("key_nonce", bindMarker("key_nonce"))
            .value("key_ciphertext", bindMarker("key_ciphertext"))
            .value("imported_at", bindMarker("imported_at"))
            .build());
        this.selectAll = session.prepare(selectFrom(HOSTED_CERTIFICATES).all()
            .where(Relation.column("owner").isEqualTo(bindMarker("owner")))
            .build());
        this.selectOne = session.prepare(selectFrom(HOSTED_CERTIFICATES).all()
            .where(Relation.column("owner").isEqualTo(bindMarker("owner")),
                Relation.column("fingerprint").isEqualTo(bindMarker("fingerprint")))
            .build());
        this.deleteOne = session.prepare(deleteFrom(HOSTED_CERTIFICATES)
            .where(Relation.column("owner").isEqualTo(bindMarker("owner")),
                Relation.column("fingerprint").isEqualTo(bindMarker("fingerprint")))
            .build());
        this.setDefault = session.prepare(update(HOSTED_CERTIFICATES)
            .setColumn("default_fingerprint", bindMarker("fingerprint"))
            .where(Relation.column("owner").isEqualTo(bindMarker("owner")))
            .build());
        this.clearDefaultIfIs = session.prepare(update(HOSTED_CERTIFICATES)
            .setColumn("default_fingerprint", literal(null))
            .where(Relation.column("owner").isEqualTo(bindMarker("owner")))
            .if_(Condition.column("default_fingerprint").isEqualTo(bindMarker("fingerprint")))
            .build());
        this.selectDefault = session.prepare(selectFrom(HOSTED_CERTIFICATES).column("default_fingerprint")
            .where(Relation.column("owner").isEqualTo(bindMarker("owner")))
            .limit(1)
            .build());
    }

    @Override
    public Publisher<Void> save(HostedCertificate certificate) {
        return StoreAvailability.guard(executor.executeVoid(EncryptedKeyColumns.bind(insert.bind(), certificate.encryptedKey())
            .setString("owner", certificate.owner().asString())
            .setString("fingerprint", certificate.fingerprint().value())
            .setList("chain", CertificateCodec.encode(certificate.chain()), ByteBuffer.class)
            .setInstant("imported_at", certificate.importedAt())));
    }

    @Override
    public Publisher<HostedCertificate> list(Username owner) {
        return StoreAvailability.guard(executor.executeRows(selectAll.bind().setString("owner", owner.asString()))
            .filter(row -> row.getString("fingerprint") != null)
            .map(row -> toCertificate(owner, row))
            .sort(Comparator.comparing(HostedCertificate::importedAt)));
    }

    @Override
    public Publisher<HostedCertificate> retrieve(Username owner, Fingerprint fingerprint) {
        return StoreAvailability.guard(executor.executeSingleRow(selectOne.bind()
                .setString("owner", owner.asString())
                .setString("fingerprint", fingerprint.value()))
            .map(row -> toCertificate(owner, row)));
    }

    @Override
    public Publisher<Void> delete(Username owner, Fingerprint fingerprint) {
        return StoreAvailability.guard(executor.executeVoid(deleteOne.bind()
                .setString("owner", owner.asString())
                .setString("fingerprint", fingerprint.value()))
            .then(executor.executeReturnApplied(clearDefaultIfIs.bind()
                .setString("owner", owner.asString())
                .setString("fingerprint", fingerprint.value())))
            .then());
    }

    @Override
    public Publisher<Void> setDefault(Username owner, Fingerprint fingerprint) {
        return StoreAvailability.guard(executor.executeVoid(setDefault.bind()
            .setString("owner", owner.asString())
            .setString("fingerprint", fingerprint.value())));
    }

    @Override
    public Publisher<Fingerprint> retrieveDefault(Username owner) {
        return StoreAvailability.guard(executor.executeSingleRow(selectDefault.bind().setString("owner", owner.asString()))
            .flatMap(row -> Mono.justOrEmpty(row.getString("default_fingerprint")))
            .map(Fingerprint::new));
    }

    /** One read of the user's partition (bounded by the per-user limit): the default is its static column. */
    @Override
    public Publisher<HostedCertificate> retrieveDefaultCertificate(Username owner) {
        return StoreAvailability.guard(executor.executeRows(selectAll.bind().setString("owner", owner.asString()))
            .filter(row -> row.getString("fingerprint") != null && row.getString("fingerprint").equals(row.getString("default_fingerprint")))
            .map(row -> toCertificate(owner, row))
            .next());
    }

    private static HostedCertificate toCertificate(Username owner, Row row) {
        return new HostedCertificate(owner, new Fingerprint(row.getString("fingerprint")),
            CertificateCodec.certificates(row.getList("chain", ByteBuffer.class)),
            EncryptedKeyColumns.read(row),
            row.getInstant("imported_at"));
    }
}
