package org.hostedsmime.core.cms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeBodyPart;
import javax.mail.util.ByteArrayDataSource;

/**
 * Re-encodes 8bit and binary parts before signing (RFC 8551 §3.1.2): a relay that converts them to 7 bit
 * would otherwise break the signature. Text parts become quoted-printable, everything else base64; parts
 * that are already 7 bit are not touched.
 */
public final class SevenBitTransferEncoding {

    /** Whether {@code part} or a part inside it is declared 8bit or binary. */
    public static boolean needsConversion(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                if (needsConversion(multipart.getBodyPart(i))) {
                    return true;
                }
            }
            return false;
        }
        return isEightBit(part);
    }

    /**
     * Converts in place; afterwards the part's headers must be updated (JavaMail {@code updateHeaders}) before
     * it is written, which {@link SmimeSigner} does by re-parsing.
     */
    public static void convert(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                convert(multipart.getBodyPart(i));
            }
            // The parent must serialise the changed children, not its original bytes.
            part.setContent(multipart);
            return;
        }
        if (!isEightBit(part)) {
            return;
        }
        byte[] decoded;
        try (InputStream in = part.getInputStream()) {
            decoded = in.readAllBytes();
        }
        String contentType = part.getContentType();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(decoded, contentType)));
        part.setHeader("Content-Type", contentType);
        part.setHeader("Content-Transfer-Encoding", part.isMimeType("text/*") ? "quoted-printable" : "base64");
    }

    private static boolean isEightBit(Part part) throws MessagingException {
        String[] encoding = part.getHeader("Content-Transfer-Encoding");
        if (encoding == null || encoding.length == 0) {
            return false;
        }
        String value = encoding[0].trim().toLowerCase(Locale.ROOT);
        return value.equals("8bit") || value.equals("binary");
    }

    /** A body part whose headers can be brought up to date after its content changed. */
    static final class UpdatableBodyPart extends MimeBodyPart {
        UpdatableBodyPart(InputStream in) throws MessagingException {
            super(in);
        }

        void update() throws MessagingException {
            updateHeaders();
        }
    }

    private SevenBitTransferEncoding() {
    }
}
