package org.hostedsmime.core.outbound;

import java.util.List;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.hostedsmime.core.i18n.SmimeMessages;

/**
 * What a sender reads when the server refused to send a message it could not sign or encrypt: one plain
 * text message in English, then in Chinese (the product's wording), never quoting the refused content.
 */
public class OutboundNotices {
    private static final SmimeMessages ENGLISH = SmimeMessages.english();
    private static final SmimeMessages CHINESE = SmimeMessages.forLocale(SmimeMessages.SIMPLIFIED_CHINESE);

    /** "Not sent to anyone: these addresses have no usable key", listing them one per line. */
    public MimeMessage missingKeys(InternetAddress from, InternetAddress to, String originalSubject, List<String> addresses)
        throws MessagingException {
        String list = String.join("\n", addresses.stream().map(address -> "    " + address).toList());
        String body = ENGLISH.text("notice.missing-keys.body", originalSubject) + "\n\n" + list + "\n\n"
            + ENGLISH.text("notice.missing-keys.hint") + "\n\n"
            + CHINESE.text("notice.missing-keys.body", originalSubject) + "\n\n" + list + "\n\n"
            + CHINESE.text("notice.missing-keys.hint") + "\n";
        return notice(from, to, ENGLISH.text("notice.missing-keys.subject") + " / " + CHINESE.text("notice.missing-keys.subject"), body);
    }

    /** "Not sent: signing is on but your certificate is expired / revoked / missing". */
    public MimeMessage noSigningCertificate(InternetAddress from, InternetAddress to, String originalSubject, String problem)
        throws MessagingException {
        String body = ENGLISH.text("notice.no-signing-certificate.body", originalSubject, reason(ENGLISH, problem)) + "\n"
            + ENGLISH.text("notice.no-signing-certificate.hint") + "\n\n"
            + CHINESE.text("notice.no-signing-certificate.body", originalSubject, reason(CHINESE, problem)) + "\n"
            + CHINESE.text("notice.no-signing-certificate.hint") + "\n";
        return notice(from, to, ENGLISH.text("notice.no-signing-certificate.subject") + " / "
            + CHINESE.text("notice.no-signing-certificate.subject"), body);
    }

    private static String reason(SmimeMessages messages, String problem) {
        if (problem.equals("no-certificate")) {
            return messages.text("notice.no-signing-certificate.no-certificate");
        }
        return messages.text("notice.no-signing-certificate.status", messages.text("status." + problem));
    }

    private static MimeMessage notice(InternetAddress from, InternetAddress to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(from);
        message.setRecipient(javax.mail.Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        // RFC 3834: an automatic answer; nobody should auto-reply to it.
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setText(body, "UTF-8");
        message.saveChanges();
        return message;
    }
}
