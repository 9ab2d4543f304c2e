package org.hostedsmime.matchers;

import org.hostedsmime.core.outbound.OutboundRequest;

/**
 * Matches mail whose authenticated sender wants it signed and encrypted (the {@code encrypt} setting, or
 * {@code X-Smime-Options: encrypt}), as decided by the {@code SmimeOutboundRequest} mailet.
 * <pre>{@code <mailet match="org.hostedsmime.matchers.SenderSmimeEncryptEnabled" class="ToProcessor">}</pre>
 */
public class SenderSmimeEncryptEnabled extends OutboundRequestMatcher {
    public SenderSmimeEncryptEnabled() {
        super(OutboundRequest.ENCRYPT);
    }
}
