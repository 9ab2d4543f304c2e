package org.hostedsmime.core.cms;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * Moves a message's own headers (From, To, Subject, Date, Message-ID, trace headers...) onto a new body, as
 * S/MIME wraps only the content: the headers that describe the content stay with the content.
 */
public final class OuterHeaders {
    private static final Set<String> CONTENT_HEADERS = Set.of("content-type", "content-transfer-encoding", "content-disposition",
        "content-description", "content-id", "content-language", "content-md5", "content-location", "mime-version");

    public static boolean isContentHeader(String headerLine) {
        int colon = headerLine.indexOf(':');
        String name = (colon < 0 ? headerLine : headerLine.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        return CONTENT_HEADERS.contains(name);
    }

    /** A new message carrying every non-content header line of {@code original}, unchanged and in order. */
    public static MimeMessage copyFrom(MimeMessage original) throws MessagingException {
        MessageIdPreservingMimeMessage copy = new MessageIdPreservingMimeMessage(original.getSession());
        for (String line : Collections.list(original.getAllHeaderLines())) {
            if (!isContentHeader(line)) {
                copy.addHeaderLine(line);
            }
        }
        return copy;
    }

    /**
     * {@code original}'s own headers followed by {@code content}, a MIME entity (its content headers, then its
     * body): the message an S/MIME layer was wrapping, unwrapped. Spooled, not copied into memory; close the
     * result once the message has been copied.
     */
    public static SmimeResult withContent(MimeMessage original, SpooledMimeEntity content) throws MessagingException {
        SpooledMimeEntity whole = SpooledMimeEntity.spool(out -> {
            for (String line : Collections.list(original.getAllHeaderLines())) {
                if (!isContentHeader(line)) {
                    out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            out.write("MIME-Version: 1.0\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            try (java.io.InputStream entity = content.newInputStream()) {
                entity.transferTo(out);
            }
        });
        return new SmimeResult(whole.asMessage(original.getSession()), java.util.List.of(whole, content));
    }

    /** JavaMail replaces the Message-ID on save; a signed or encrypted message keeps the one its sender gave it. */
    static final class MessageIdPreservingMimeMessage extends MimeMessage {
        MessageIdPreservingMimeMessage(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }

    private OuterHeaders() {
    }
}
