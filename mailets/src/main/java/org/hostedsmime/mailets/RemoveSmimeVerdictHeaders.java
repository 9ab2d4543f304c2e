package org.hostedsmime.mailets;

import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.mime.ForgedHeaderFilter;
import org.hostedsmime.core.mime.ForgedHeaderFilter.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes every {@code X-Smime-*} header from mail entering the server, so that the S/MIME verdict headers
 * IMAP clients show ({@code X-Smime-Signature}, {@code X-Smime-Encryption}, ...) can only have been written
 * by this server.
 *
 * <p>{@code X-Smime-Options} is kept when the mail was submitted by an SMTP-authenticated user: it is that
 * user's per-message request to the outbound S/MIME mailets, which remove it before the mail leaves.</p>
 *
 * <p>Place it first in the {@code root} processor, before anything reads headers. It takes no parameters:</p>
 * <pre>{@code
 * <processor state="root" enableJmx="true">
 *     <mailet match="All" class="org.hostedsmime.mailets.RemoveSmimeVerdictHeaders"/>
 *     ...
 * }</pre>
 */
public class RemoveSmimeVerdictHeaders extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(RemoveSmimeVerdictHeaders.class);

    private final ForgedHeaderFilter filter = new ForgedHeaderFilter();

    @Override
    public void service(Mail mail) throws MessagingException {
        Origin origin = mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent()
            ? Origin.AUTHENTICATED_LOCAL_SENDER
            : Origin.OUTSIDE;

        Optional<ForgedHeaderFilter.Filtered> filtered = filter.removeForgedHeaders(mail.getMessage(), origin);
        if (filtered.isPresent()) {
            mail.setMessage(filtered.get().message());
            LOGGER.info("Removed S/MIME headers {} from mail {} (sender {})", filtered.get().removedHeaders(),
                mail.getName(), mail.getMaybeSender().asString());
        }
    }

    @Override
    public String getMailetInfo() {
        return "RemoveSmimeVerdictHeaders: strips X-Smime-* headers that did not come from this server";
    }
}
