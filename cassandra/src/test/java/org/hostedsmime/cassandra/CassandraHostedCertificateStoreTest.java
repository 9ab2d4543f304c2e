package org.hostedsmime.cassandra;

import org.hostedsmime.cassandra.testing.CassandraNodeExtension;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.core.store.HostedCertificateStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class CassandraHostedCertificateStoreTest implements HostedCertificateStoreContract {
    @RegisterExtension
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);

    private HostedCertificateStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraHostedCertificateStore(cassandra.session());
    }

    @Override
    public HostedCertificateStore store() {
        return store;
    }
}
