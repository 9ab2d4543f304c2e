package org.hostedsmime.webadmin.dto;

import java.time.Instant;

import org.hostedsmime.core.hosting.CrlView;

public record CrlDto(String issuer, Instant thisUpdate, Instant nextUpdate, int revokedCount) {
    public static CrlDto of(CrlView view) {
        return new CrlDto(view.issuer(), view.thisUpdate(), view.nextUpdate().orElse(null), view.revokedCount());
    }
}
