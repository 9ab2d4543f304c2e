package org.hostedsmime.webadmin.dto;

import org.hostedsmime.core.store.SmimeSettings;

/** {@code {"sign": bool, "encrypt": bool, "missingKeyPolicy": "bounce"|"sign-only"|"split"}}; in requests every field is optional. */
public record SettingsDto(Boolean sign, Boolean encrypt, String missingKeyPolicy) {
    public static SettingsDto of(SmimeSettings settings) {
        return new SettingsDto(settings.sign(), settings.encrypt(), settings.missingKeyPolicy().value());
    }
}
