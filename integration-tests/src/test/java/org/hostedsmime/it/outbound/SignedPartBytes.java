package org.hostedsmime.it.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The exact bytes of the first part of a multipart/signed message, as they travelled: what the signature
 * covers (RFC 1847: from after the first delimiter line to before the CRLF preceding the next one).
 */
final class SignedPartBytes {
    static byte[] of(byte[] message) throws Exception {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        javax.mail.internet.ContentType type = new javax.mail.internet.ContentType(ExternalVerifiers.parse(message).getContentType());
        String delimiter = "--" + type.getParameter("boundary");
        int first = text.indexOf(delimiter + "\r\n");
        int start = first + delimiter.length() + 2;
        int end = text.indexOf("\r\n" + delimiter, start);
        return Arrays.copyOfRange(message, start, end);
    }

    private SignedPartBytes() {
    }
}
