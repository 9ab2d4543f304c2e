package org.hostedsmime.it.outbound;

import org.hostedsmime.app.guice.SmimeMemoryModule;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.directory.DirectoryEntry;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.reactivestreams.Publisher;

import com.google.inject.AbstractModule;
import com.google.inject.util.Modules;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The memory stores, except a key directory whose backend is down: named in extensions.properties by the
 * test that proves a store failure never sends plaintext.
 */
public class FailingKeyDirectoryModule extends AbstractModule {
    public static class UnavailableKeyDirectoryStore implements KeyDirectoryStore {
        private static IllegalStateException down() {
            return new IllegalStateException("key directory store unavailable (test double)");
        }

        @Override
        public Publisher<Void> save(DirectoryEntry entry) {
            return Mono.error(down());
        }

        @Override
        public Publisher<DirectoryEntry> entries(String address) {
            return Flux.error(down());
        }

        @Override
        public Publisher<Void> delete(String address, Fingerprint fingerprint) {
            return Mono.error(down());
        }
    }

    @Override
    protected void configure() {
        install(Modules.override(new SmimeMemoryModule())
            .with(binder -> binder.bind(KeyDirectoryStore.class).to(UnavailableKeyDirectoryStore.class)));
    }
}
