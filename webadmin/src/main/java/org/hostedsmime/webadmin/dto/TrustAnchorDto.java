package org.hostedsmime.webadmin.dto;

import java.time.Instant;

import org.hostedsmime.core.hosting.TrustAnchorView;

public record TrustAnchorDto(String fingerprint, String subject, Instant notAfter) {
    public static TrustAnchorDto of(TrustAnchorView view) {
        return new TrustAnchorDto(view.fingerprint().value(), view.subject(), view.notAfter());
    }
}
