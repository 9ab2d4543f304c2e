package org.hostedsmime.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;
import org.hostedsmime.core.store.SmimeSettings;
import org.hostedsmime.core.store.SmimeSettingsStore;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

public class MemorySmimeSettingsStore implements SmimeSettingsStore {
    private final Map<Username, SmimeSettings> settings = new ConcurrentHashMap<>();

    @Override
    public Publisher<SmimeSettings> retrieve(Username user) {
        return Mono.fromCallable(() -> settings.get(user));
    }

    @Override
    public Publisher<Void> save(Username user, SmimeSettings value) {
        return Mono.fromRunnable(() -> settings.put(user, value));
    }

    @Override
    public Publisher<Void> delete(Username user) {
        return Mono.fromRunnable(() -> settings.remove(user));
    }
}
