package org.hostedsmime.memory;

import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.store.DomainTrustStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemoryDomainTrustStoreTest implements DomainTrustStoreContract {
    private MemoryDomainTrustStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryDomainTrustStore();
    }

    @Override
    public DomainTrustStore store() {
        return store;
    }
}
