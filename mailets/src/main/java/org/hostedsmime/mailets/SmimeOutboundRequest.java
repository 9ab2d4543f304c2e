package org.hostedsmime.mailets;

import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.Username;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.hosting.SmimeSettingsService;
import org.hostedsmime.core.mime.HeaderLines;
import org.hostedsmime.core.mime.SmimeHeaders;
import org.hostedsmime.core.outbound.OutboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what outbound S/MIME does with a mail submitted by an SMTP-authenticated user: the user's settings
 * ({@code sign}, {@code encrypt}), unless the user's client asked otherwise for this message with
 * {@code X-Smime-Options: sign-only | encrypt | none}. Records the decision in the
 * {@code org.hostedsmime.outbound.request} attribute ({@code none}, {@code sign}, {@code encrypt}) for the
 * {@code SenderSmimeSignEnabled} / {@code SenderSmimeEncryptEnabled} matchers, and removes
 * {@code X-Smime-Options}: it never leaves the server. The option is kept in the
 * {@code org.hostedsmime.outbound.option} attribute, so a mail reprocessed from the error repository after a
 * store outage is decided the same way.
 *
 * <p>Mail without an authenticated sender is left alone (its {@code X-Smime-Options}, if any, was removed
 * on entry by {@code RemoveSmimeVerdictHeaders}). No parameters.</p>
 * <pre>{@code
 * <mailet match="SMTPAuthSuccessful" class="org.hostedsmime.mailets.SmimeOutboundRequest">
 *     <onMailetException>smime-error</onMailetException>
 * </mailet>
 * }</pre>
 */
public class SmimeOutboundRequest extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeOutboundRequest.class);

    private final SmimeSettingsService settings;

    @Inject
    public SmimeOutboundRequest(SmimeSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<Username> sender = AuthenticatedSender.of(mail);
        if (sender.isEmpty()) {
            return;
        }
        String[] option = mail.getMessage().getHeader(SmimeHeaders.OPTIONS);
        Optional<String> inHeader = Optional.ofNullable(option).filter(values -> values.length > 0).map(values -> values[0]);
        // A mail reprocessed from the error repository lost the header on its first pass: the attribute kept it.
        Optional<String> requested = inHeader.or(() -> AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.OUTBOUND_OPTION, String.class));
        OutboundRequest request = OutboundRequest.resolve(settings.current(sender.get()), requested);

        if (inHeader.isPresent()) {
            mail.setAttribute(new Attribute(SmimeAttributes.OUTBOUND_OPTION, AttributeValue.of(inHeader.get())));
            HeaderLines.remove(mail.getMessage(), SmimeHeaders.OPTIONS::equalsIgnoreCase)
                .ifPresent(removal -> setMessage(mail, removal));
        }
        mail.setAttribute(new Attribute(SmimeAttributes.OUTBOUND_REQUEST, AttributeValue.of(request.value())));
        LOGGER.debug("Outbound S/MIME for mail {} from {}: {}{}", mail.getName(), sender.get().asString(), request.value(),
            requested.map(value -> " (" + SmimeHeaders.OPTIONS + ": " + value + ")").orElse(""));
    }

    private static void setMessage(Mail mail, HeaderLines.Removal removal) {
        try {
            mail.setMessage(removal.message());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "SmimeOutboundRequest: what outbound S/MIME does with an authenticated user's mail";
    }
}
