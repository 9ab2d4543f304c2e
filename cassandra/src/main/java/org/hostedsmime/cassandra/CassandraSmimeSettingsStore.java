package org.hostedsmime.cassandra;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.SETTINGS;

import javax.inject.Inject;

import org.apache.james.backends.cassandra.utils.CassandraAsyncExecutor;
import org.apache.james.core.Username;
import org.hostedsmime.core.store.SmimeSettings;
import org.hostedsmime.core.store.SmimeSettings.MissingKeyPolicy;
import org.hostedsmime.core.store.SmimeSettingsStore;
import org.reactivestreams.Publisher;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.querybuilder.relation.Relation;

/** Per-user settings in Cassandra: one row per user. */
public class CassandraSmimeSettingsStore implements SmimeSettingsStore {
    private final CassandraAsyncExecutor executor;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    @Inject
    public CassandraSmimeSettingsStore(CqlSession session) {
        this.executor = new CassandraAsyncExecutor(session);
        this.insert = session.prepare(insertInto(SETTINGS)
            .value("user", bindMarker("user"))
            .value("sign", bindMarker("sign"))
            .value("encrypt", bindMarker("encrypt"))
            .value("missing_key_policy", bindMarker("missing_key_policy"))
            .build());
        this.select = session.prepare(selectFrom(SETTINGS).all()
            .where(Relation.column("user").isEqualTo(bindMarker("user")))
            .build());
        this.delete = session.prepare(deleteFrom(SETTINGS)
            .where(Relation.column("user").isEqualTo(bindMarker("user")))
            .build());
    }

    @Override
    public Publisher<SmimeSettings> retrieve(Username user) {
        return StoreAvailability.guard(executor.executeSingleRow(select.bind().setString("user", user.asString()))
            .map(row -> new SmimeSettings(row.getBoolean("sign"), row.getBoolean("encrypt"),
                MissingKeyPolicy.parse(row.getString("missing_key_policy")).orElse(MissingKeyPolicy.BOUNCE))));
    }

    @Override
    public Publisher<Void> save(Username user, SmimeSettings settings) {
        return StoreAvailability.guard(executor.executeVoid(insert.bind()
            .setString("user", user.asString())
            .setBoolean("sign", settings.sign())
            .setBoolean("encrypt", settings.encrypt())
            .setString("missing_key_policy", settings.missingKeyPolicy().value())));
    }

    @Override
    public Publisher<Void> delete(Username user) {
        return StoreAvailability.guard(executor.executeVoid(delete.bind().setString("user", user.asString())));
    }
}
