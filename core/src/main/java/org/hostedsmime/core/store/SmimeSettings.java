package org.hostedsmime.core.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * A user's S/MIME switches: sign outgoing mail, encrypt it (which always signs too), and what to do when a
 * recipient has no usable key.
 */
public record SmimeSettings(boolean sign, boolean encrypt, MissingKeyPolicy missingKeyPolicy) {
    public static final SmimeSettings DEFAULT = new SmimeSettings(false, false, MissingKeyPolicy.BOUNCE);

    public enum MissingKeyPolicy {
        /** Nothing is sent; the sender learns which addresses lack a key. */
        BOUNCE("bounce"),
        /** The whole message goes out signed, not encrypted. */
        SIGN_ONLY("sign-only"),
        /** Encrypted to recipients with keys, signed only to the others. */
        SPLIT("split");

        private final String value;

        MissingKeyPolicy(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Optional<MissingKeyPolicy> parse(String value) {
            return Arrays.stream(values()).filter(policy -> policy.value.equalsIgnoreCase(value)).findFirst();
        }
    }

    public SmimeSettings {
        if (encrypt && !sign) {
            throw new IllegalArgumentException("Encryption always includes a signature");
        }
    }
}
