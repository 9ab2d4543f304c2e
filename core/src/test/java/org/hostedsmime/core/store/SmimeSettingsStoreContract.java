package org.hostedsmime.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.hostedsmime.core.store.SmimeSettings.MissingKeyPolicy;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/** What every {@link SmimeSettingsStore} does; each backend's test implements this interface. */
public interface SmimeSettingsStoreContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");

    SmimeSettingsStore store();

    @Test
    default void nothingIsStoredForANewUser() {
        assertThat(Mono.from(store().retrieve(ALICE)).blockOptional()).isEmpty();
    }

    @Test
    default void savedSettingsAreReturned() {
        SmimeSettings settings = new SmimeSettings(true, true, MissingKeyPolicy.SPLIT);

        Mono.from(store().save(ALICE, settings)).block();

        assertThat(Mono.from(store().retrieve(ALICE)).block()).isEqualTo(settings);
        assertThat(Mono.from(store().retrieve(BOB)).blockOptional()).isEmpty();
    }

    @Test
    default void savingAgainReplaces() {
        Mono.from(store().save(ALICE, new SmimeSettings(true, true, MissingKeyPolicy.SPLIT))).block();
        Mono.from(store().save(ALICE, new SmimeSettings(true, false, MissingKeyPolicy.SIGN_ONLY))).block();

        assertThat(Mono.from(store().retrieve(ALICE)).block()).isEqualTo(new SmimeSettings(true, false, MissingKeyPolicy.SIGN_ONLY));
    }

    @Test
    default void deleteForgetsTheSettings() {
        Mono.from(store().save(ALICE, new SmimeSettings(true, false, MissingKeyPolicy.BOUNCE))).block();

        Mono.from(store().delete(ALICE)).block();

        assertThat(Mono.from(store().retrieve(ALICE)).blockOptional()).isEmpty();
    }
}
