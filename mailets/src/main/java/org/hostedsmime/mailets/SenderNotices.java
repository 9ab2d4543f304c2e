package org.hostedsmime.mailets;

import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.hostedsmime.core.outbound.OutboundNotices;

/** Sends the sender of a refused mail a notice, from the postmaster with a null return path (no loops). */
final class SenderNotices {
    private final OutboundNotices notices = new OutboundNotices();

    void missingKeys(MailetContext context, Mail mail, Username sender, List<String> addresses) throws MessagingException {
        send(context, sender, notices.missingKeys(postmaster(context), address(sender), subjectOf(mail), addresses));
    }

    void noSigningCertificate(MailetContext context, Mail mail, Username sender, String problem) throws MessagingException {
        send(context, sender, notices.noSigningCertificate(postmaster(context), address(sender), subjectOf(mail), problem));
    }

    private static void send(MailetContext context, Username sender, MimeMessage notice) throws MessagingException {
        context.sendMail(MailAddress.nullSender(), List.of(new MailAddress(sender.asString())), notice);
    }

    private static String subjectOf(Mail mail) throws MessagingException {
        String subject = mail.getMessage().getSubject();
        return subject == null ? "" : subject;
    }

    private static InternetAddress postmaster(MailetContext context) throws AddressException {
        return new InternetAddress(context.getPostmaster().asString());
    }

    private static InternetAddress address(Username sender) throws AddressException {
        return new InternetAddress(sender.asString());
    }
}
