package org.hostedsmime.core.cms;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.mail.MessagingException;
import javax.mail.internet.MimeBodyPart;
import javax.mail.util.SharedFileInputStream;

/**
 * A MIME entity kept in an owner-only temporary file and parsed without being copied into memory
 * ({@link SharedFileInputStream}), so big messages are signed and encrypted within a small heap, and the
 * bytes written are the bytes that were parsed. Closing deletes the file.
 */
public final class SpooledMimeEntity implements Closeable {

    /** Writes some bytes; {@link #spool} keeps what it wrote. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException, MessagingException;
    }

    private final Path file;
    private final SharedFileInputStream stream;
    private final MimeBodyPart bodyPart;

    private SpooledMimeEntity(Path file) throws IOException, MessagingException {
        this.file = file;
        this.stream = new SharedFileInputStream(file.toFile());
        this.bodyPart = new MimeBodyPart(stream);
    }

    public static SpooledMimeEntity spool(Writer writer) throws MessagingException {
        Path file = null;
        try {
            file = Files.createTempFile("hosted-smime-", ".eml", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                writer.writeTo(out);
            }
            return new SpooledMimeEntity(file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new MessagingException("Cannot spool a MIME entity to a temporary file", e);
        } catch (MessagingException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    public static SpooledMimeEntity spool(InputStream in) throws MessagingException {
        return spool(in::transferTo);
    }

    public MimeBodyPart bodyPart() {
        return bodyPart;
    }

    /** The spooled bytes as a whole message (for entities that are messages), parsed without copying. */
    public javax.mail.internet.MimeMessage asMessage(javax.mail.Session session) throws MessagingException {
        return new javax.mail.internet.MimeMessage(session, stream.newStream(0, -1));
    }

    /** The entity's bytes, from the start. */
    public InputStream newInputStream() throws IOException {
        return new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            // The file goes anyway.
        }
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
