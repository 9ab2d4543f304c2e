package org.hostedsmime.cassandra;


import org.hostedsmime.cassandra.testing.CassandraNodeExtension;
import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.store.DomainTrustStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraDomainTrustStoreTest implements DomainTrustStoreContract {
    @RegisterExtension
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);

    private DomainTrustStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraDomainTrustStore(cassandra.session());
    }

    @Override
    public DomainTrustStore store() {
        return store;
    }
}
