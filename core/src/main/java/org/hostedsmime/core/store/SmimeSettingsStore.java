package org.hostedsmime.core.store;

import org.apache.james.core.Username;
import org.reactivestreams.Publisher;

/** Per-user S/MIME settings. */
public interface SmimeSettingsStore {

    /** Empty when the user never saved settings ({@link SmimeSettings#DEFAULT} applies). */
    Publisher<SmimeSettings> retrieve(Username user);

    Publisher<Void> save(Username user, SmimeSettings settings);

    Publisher<Void> delete(Username user);
}
