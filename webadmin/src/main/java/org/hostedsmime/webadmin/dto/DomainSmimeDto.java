package org.hostedsmime.webadmin.dto;

import java.util.List;

import org.hostedsmime.core.hosting.DomainSmimeView;

public record DomainSmimeDto(String domain, boolean enabled, List<TrustAnchorDto> trustAnchors, List<CrlDto> crls) {
    public static DomainSmimeDto of(DomainSmimeView view) {
        return new DomainSmimeDto(view.domain(), view.enabled(),
            view.trustAnchors().stream().map(TrustAnchorDto::of).toList(),
            view.crls().stream().map(CrlDto::of).toList());
    }
}
