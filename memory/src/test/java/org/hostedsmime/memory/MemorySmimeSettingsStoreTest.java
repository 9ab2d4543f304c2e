package org.hostedsmime.memory;

import org.hostedsmime.core.store.SmimeSettingsStore;
import org.hostedsmime.core.store.SmimeSettingsStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemorySmimeSettingsStoreTest implements SmimeSettingsStoreContract {
    private MemorySmimeSettingsStore store;

    @BeforeEach
    void setUp() {
        store = new MemorySmimeSettingsStore();
    }

    @Override
    public SmimeSettingsStore store() {
        return store;
    }
}
