package org.hostedsmime.core.mime;

import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * Removes {@code X-Smime-*} headers from a message entering the server, so that the verdict headers IMAP
 * clients display can only have been written by this server.
 *
 * <p>The one exception is {@link SmimeHeaders#OPTIONS}: it is a request (sign, encrypt or neither) from the
 * server's own authenticated users, read and removed later by the outbound path. Anyone else's copy of it
 * is removed too.</p>
 *
 * <p>Only the top-level header block is looked at: nested messages (forwarded mail, attachments) are
 * content. Every other header line and the body are kept byte for byte ({@link HeaderLines}).</p>
 */
public class ForgedHeaderFilter {

    public enum Origin {
        /** Submitted by a user who authenticated to this server (SMTP AUTH). */
        AUTHENTICATED_LOCAL_SENDER,
        /** Anything else: another server, an unauthenticated client, a relay. */
        OUTSIDE
    }

    /** A message without the forged headers, and the names removed (as spelled, without duplicates). */
    public record Filtered(MimeMessage message, List<String> removedHeaders) {
    }

    /** Empty when there was nothing to remove: keep the original message untouched. */
    public Optional<Filtered> removeForgedHeaders(MimeMessage message, Origin origin) throws MessagingException {
        return HeaderLines.remove(message, name -> isForged(name, origin))
            .map(removal -> new Filtered(removal.message(), removal.removedHeaders()));
    }

    private static boolean isForged(String name, Origin origin) {
        if (!SmimeHeaders.isSmimeHeader(name)) {
            return false;
        }
        boolean optionsRequest = name.equalsIgnoreCase(SmimeHeaders.OPTIONS);
        return !(optionsRequest && origin == Origin.AUTHENTICATED_LOCAL_SENDER);
    }
}
