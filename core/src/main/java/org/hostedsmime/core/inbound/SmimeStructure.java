package org.hostedsmime.core.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.internet.ContentType;
import javax.mail.internet.ParseException;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;

/**
 * What kind of S/MIME a message's top-level content is (RFC 8551 §3): detached signature
 * ({@code multipart/signed}), opaque signature or encryption ({@code application/pkcs7-mime} and its
 * {@code x-} and {@code .p7m} variants). When {@code smime-type} is missing, the CMS content type is read
 * from the first bytes of the data. Nested messages are content and are not looked at.
 */
public enum SmimeStructure {
    MULTIPART_SIGNED,
    OPAQUE_SIGNED,
    ENVELOPED,
    AUTH_ENVELOPED,
    NONE;

    public boolean isSigned() {
        return this == MULTIPART_SIGNED || this == OPAQUE_SIGNED;
    }

    public boolean isEncrypted() {
        return this == ENVELOPED || this == AUTH_ENVELOPED;
    }

    public static SmimeStructure of(Part part) throws MessagingException {
        ContentType type = contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        if (baseType.equals("multipart/signed")) {
            String protocol = Optional.ofNullable(type.getParameter("protocol")).orElse("").toLowerCase(Locale.ROOT);
            return protocol.equals("application/pkcs7-signature") || protocol.equals("application/x-pkcs7-signature")
                ? MULTIPART_SIGNED : NONE;
        }
        boolean pkcs7Mime = baseType.equals("application/pkcs7-mime") || baseType.equals("application/x-pkcs7-mime");
        boolean p7mFile = baseType.equals("application/octet-stream") && hasP7mName(part, type);
        if (!pkcs7Mime && !p7mFile) {
            return NONE;
        }
        String smimeType = Optional.ofNullable(type.getParameter("smime-type")).orElse("").toLowerCase(Locale.ROOT);
        return switch (smimeType) {
            case "signed-data" -> OPAQUE_SIGNED;
            case "enveloped-data" -> ENVELOPED;
            case "authenveloped-data" -> AUTH_ENVELOPED;
            default -> fromCmsContentType(part);
        };
    }

    private static SmimeStructure fromCmsContentType(Part part) {
        try (InputStream in = part.getInputStream()) {
            ASN1ObjectIdentifier contentType = new ContentInfoParser((ASN1SequenceParser) new ASN1StreamParser(in).readObject()).getContentType();
            if (contentType.equals(CMSObjectIdentifiers.signedData)) {
                return OPAQUE_SIGNED;
            }
            if (contentType.equals(CMSObjectIdentifiers.envelopedData)) {
                return ENVELOPED;
            }
            if (contentType.equals(CMSObjectIdentifiers.authEnvelopedData)) {
                return AUTH_ENVELOPED;
            }
            return NONE;
        } catch (IOException | MessagingException | RuntimeException e) {
            // Declared as S/MIME but unreadable: treated as opaque signed data, which reports it corrupt.
            return OPAQUE_SIGNED;
        }
    }

    private static boolean hasP7mName(Part part, ContentType type) throws MessagingException {
        String name = Optional.ofNullable(type.getParameter("name")).orElseGet(() -> {
            try {
                return Optional.ofNullable(part.getFileName()).orElse("");
            } catch (MessagingException e) {
                return "";
            }
        });
        return name.toLowerCase(Locale.ROOT).endsWith(".p7m");
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(Optional.ofNullable(part.getContentType()).orElse("text/plain"));
        } catch (ParseException e) {
            return new ContentType("text/plain");
        }
    }
}
