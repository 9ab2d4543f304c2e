package org.hostedsmime.memory;

import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.store.KeyDirectoryStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemoryKeyDirectoryStoreTest implements KeyDirectoryStoreContract {
    private MemoryKeyDirectoryStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryKeyDirectoryStore();
    }

    @Override
    public KeyDirectoryStore store() {
        return store;
    }
}
