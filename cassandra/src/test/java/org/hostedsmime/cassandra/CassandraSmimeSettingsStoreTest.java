package org.hostedsmime.cassandra;

import org.hostedsmime.cassandra.testing.CassandraNodeExtension;
import org.hostedsmime.core.store.SmimeSettingsStore;
import org.hostedsmime.core.store.SmimeSettingsStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraSmimeSettingsStoreTest implements SmimeSettingsStoreContract {
    @RegisterExtension
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);

    private SmimeSettingsStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraSmimeSettingsStore(cassandra.session());
    }

    @Override
    public SmimeSettingsStore store() {
        return store;
    }
}
