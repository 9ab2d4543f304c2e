package org.hostedsmime.core.inbound;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import javax.mail.internet.MimeUtility;

import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.mime.SmimeHeaders;

/**
 * The verdict headers IMAP clients read:
 * <pre>
 * X-Smime-Signature: valid; signer=bob@example.com; fingerprint=5f1c...; reason="..."
 * X-Smime-Signature-Description: (the product's text, in the configured language)
 * X-Smime-Encryption: decrypted
 * X-Smime-Encryption-Description: (likewise)
 * </pre>
 * Values are ASCII; descriptions are RFC 2047 encoded when they are not.
 */
public final class VerdictHeaders {

    public record Header(String name, String value) {
    }

    public static List<Header> signature(SignatureCheck check, SmimeMessages language) {
        StringBuilder value = new StringBuilder(check.verdict().value());
        check.signerAddress().ifPresent(address -> value.append("; signer=").append(address));
        check.fingerprint().ifPresent(fingerprint -> value.append("; fingerprint=").append(fingerprint.value()));
        value.append("; reason=").append(quoted(check.reason()));
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(SmimeHeaders.SIGNATURE, fold(SmimeHeaders.SIGNATURE, value.toString())));
        headers.add(new Header(SmimeHeaders.SIGNATURE_DESCRIPTION,
            encoded(SmimeHeaders.SIGNATURE_DESCRIPTION, language.text(check.verdict().messageKey()))));
        return headers;
    }

    public static List<Header> encryption(EncryptionVerdict verdict, SmimeMessages language) {
        return encryption(verdict, verdict.messageKey(), language);
    }

    /** The verdict with another description than its usual one, e.g. why there was no key this time. */
    public static List<Header> encryption(EncryptionVerdict verdict, String descriptionKey, SmimeMessages language) {
        return List.of(
            new Header(SmimeHeaders.ENCRYPTION, verdict.value()),
            new Header(SmimeHeaders.ENCRYPTION_DESCRIPTION, encoded(SmimeHeaders.ENCRYPTION_DESCRIPTION, language.text(descriptionKey))));
    }

    /** A quoted-string (RFC 5322): backslash and double quote escaped, anything outside printable ASCII dropped. */
    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String encoded(String name, String text) {
        try {
            return fold(name, MimeUtility.encodeText(text, "UTF-8", "B"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fold(String name, String value) {
        return MimeUtility.fold(name.length() + 2, value);
    }

    private VerdictHeaders() {
    }
}
