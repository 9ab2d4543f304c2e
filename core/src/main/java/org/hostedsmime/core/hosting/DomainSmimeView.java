package org.hostedsmime.core.hosting;

import java.util.List;

/** A domain's S/MIME administration as the API shows it. */
public record DomainSmimeView(String domain, boolean enabled, List<TrustAnchorView> trustAnchors, List<CrlView> crls) {
}
