package org.hostedsmime.cassandra;

import org.hostedsmime.cassandra.testing.CassandraNodeExtension;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.store.KeyDirectoryStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraKeyDirectoryStoreTest implements KeyDirectoryStoreContract {
    @RegisterExtension
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);

    private KeyDirectoryStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraKeyDirectoryStore(cassandra.session());
    }

    @Override
    public KeyDirectoryStore store() {
        return store;
    }
}
