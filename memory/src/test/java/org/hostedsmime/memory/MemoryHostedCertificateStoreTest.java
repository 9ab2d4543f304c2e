package org.hostedsmime.memory;

import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.core.store.HostedCertificateStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemoryHostedCertificateStoreTest implements HostedCertificateStoreContract {
    private MemoryHostedCertificateStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryHostedCertificateStore();
    }

    @Override
    public HostedCertificateStore store() {
        return store;
    }
}
