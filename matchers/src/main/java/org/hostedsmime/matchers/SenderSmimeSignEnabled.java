package org.hostedsmime.matchers;

import org.hostedsmime.core.outbound.OutboundRequest;

/**
 * Matches mail whose authenticated sender wants it signed and not encrypted (the {@code sign} setting, or
 * {@code X-Smime-Options: sign-only}), as decided by the {@code SmimeOutboundRequest} mailet.
 * <pre>{@code <mailet match="org.hostedsmime.matchers.SenderSmimeSignEnabled" class="ToProcessor">}</pre>
 */
public class SenderSmimeSignEnabled extends OutboundRequestMatcher {
    public SenderSmimeSignEnabled() {
        super(OutboundRequest.SIGN);
    }
}
