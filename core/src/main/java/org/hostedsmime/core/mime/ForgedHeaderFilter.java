package org.hostedsmime.core.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * <p>The result is a new message made of the original header lines minus the forged ones, followed by the
 * original body bytes. Editing headers through JavaMail instead would make {@code saveChanges()} reorder and
 * add headers (MIME-Version, Date), and the rest of the message would no longer be what the sender sent.</p>
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

    /**
     * Looks at the top-level header block only; nested messages (forwarded mail, attachments) are content
     * and left alone.
     *
     * @return empty when there was nothing to remove: keep the original message untouched
     */
    public Optional<Filtered> removeForgedHeaders(MimeMessage message, Origin origin) throws MessagingException {
        Set<String> removed = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String line : Collections.list(message.getAllHeaderLines())) {
            String name = headerName(line);
            if (isForged(name, origin)) {
                if (removed.stream().noneMatch(name::equalsIgnoreCase)) {
                    removed.add(name);
                }
            } else {
                kept.add(line);
            }
        }
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Filtered(rebuild(message, kept), List.copyOf(removed)));
    }

    private static MimeMessage rebuild(MimeMessage original, List<String> headerLines) throws MessagingException {
        StringBuilder headers = new StringBuilder();
        for (String line : headerLines) {
            headers.append(line).append("\r\n");
        }
        headers.append("\r\n");
        try (InputStream body = original.getRawInputStream();
             InputStream whole = new SequenceInputStream(
                 new ByteArrayInputStream(headers.toString().getBytes(StandardCharsets.ISO_8859_1)), body)) {
            return new MimeMessage(original.getSession(), whole);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message body", e);
        }
    }

    private static String headerName(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).trim();
    }

    private static boolean isForged(String name, Origin origin) {
        if (!SmimeHeaders.isSmimeHeader(name)) {
            return false;
        }
        boolean optionsRequest = name.equalsIgnoreCase(SmimeHeaders.OPTIONS);
        return !(optionsRequest && origin == Origin.AUTHENTICATED_LOCAL_SENDER);
    }
}
