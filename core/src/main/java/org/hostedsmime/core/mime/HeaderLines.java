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
import java.util.function.Predicate;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * Removes top-level header lines by name, keeping every other header line and the body exactly as they
 * were. Editing headers through JavaMail instead makes {@code saveChanges()} reorder and add headers
 * (MIME-Version, Date), so the message would no longer be what its sender wrote.
 */
public final class HeaderLines {

    /** The message without the matching headers, and the names removed (as spelled, no duplicates). */
    public record Removal(MimeMessage message, List<String> removedHeaders) {
    }

    /** Empty when no header line matches: keep the original message untouched. */
    public static Optional<Removal> remove(MimeMessage message, Predicate<String> headerName) throws MessagingException {
        Set<String> removed = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String line : Collections.list(message.getAllHeaderLines())) {
            String name = nameOf(line);
            if (headerName.test(name)) {
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
        return Optional.of(new Removal(rebuild(message, kept), List.copyOf(removed)));
    }

    public static String nameOf(String headerLine) {
        int colon = headerLine.indexOf(':');
        return (colon < 0 ? headerLine : headerLine.substring(0, colon)).trim();
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

    private HeaderLines() {
    }
}
