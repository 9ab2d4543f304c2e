package org.hostedsmime.core.outbound;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.hostedsmime.core.store.SmimeSettings;

/**
 * What to do with one outgoing message: the sender's settings, unless the sender's client asked otherwise
 * for this message with {@code X-Smime-Options} ({@code sign-only}, {@code encrypt}, {@code none}).
 */
public enum OutboundRequest {
    NONE("none"),
    SIGN("sign"),
    ENCRYPT("encrypt");

    private final String value;

    OutboundRequest(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<OutboundRequest> parse(String value) {
        return Arrays.stream(values()).filter(request -> request.value.equals(value)).findFirst();
    }

    public static OutboundRequest from(SmimeSettings settings) {
        if (settings.encrypt()) {
            return ENCRYPT;
        }
        return settings.sign() ? SIGN : NONE;
    }

    /**
     * The per-message option wins: {@code sign-only} signs without encrypting (the product's "first contact:
     * send signed only to exchange keys"), {@code encrypt} encrypts even when the setting is off, {@code none}
     * sends as written. An unknown option is ignored.
     */
    public static OutboundRequest resolve(SmimeSettings settings, Optional<String> option) {
        return option.map(value -> value.trim().toLowerCase(Locale.ROOT))
            .flatMap(value -> switch (value) {
                case "sign-only", "sign" -> Optional.of(SIGN);
                case "encrypt" -> Optional.of(ENCRYPT);
                case "none" -> Optional.of(NONE);
                default -> Optional.empty();
            })
            .orElseGet(() -> from(settings));
    }
}
