package org.hostedsmime.matchers;

import java.util.Collection;
import java.util.List;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.outbound.OutboundRequest;

/** Matches every recipient when the outbound request recorded by {@code SmimeOutboundRequest} is the given one. */
abstract class OutboundRequestMatcher extends GenericMatcher {
    private final OutboundRequest expected;

    OutboundRequestMatcher(OutboundRequest expected) {
        this.expected = expected;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        boolean requested = AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.OUTBOUND_REQUEST, String.class)
            .flatMap(OutboundRequest::parse)
            .map(expected::equals)
            .orElse(false);
        return requested ? mail.getRecipients() : List.of();
    }
}
