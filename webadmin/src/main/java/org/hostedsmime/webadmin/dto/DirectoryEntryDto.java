package org.hostedsmime.webadmin.dto;

import java.time.Instant;
import java.util.List;

import org.hostedsmime.core.directory.DirectoryEntryView;

/** A certificate of the key directory in API responses. */
public record DirectoryEntryDto(String fingerprint, String subject, Instant notAfter, String source, List<String> capabilities,
                                String status, boolean usable, Instant firstSeen, Instant lastSeen, String pem) {
    public static DirectoryEntryDto of(DirectoryEntryView view) {
        return new DirectoryEntryDto(view.fingerprint().value(), view.subject(), view.notAfter(), view.source().value(),
            view.capabilities(), view.status(), view.usable(), view.firstSeen(), view.lastSeen(), view.pem());
    }
}
