package org.hostedsmime.mailets;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;

/** The SMTP AUTH user a mail was submitted by: whose certificate signs it. */
final class AuthenticatedSender {
    static Optional<Username> of(Mail mail) {
        return AttributeUtils.getValueAndCastFromMail(mail, Mail.SMTP_AUTH_USER, String.class)
            .map(Username::of);
    }

    private AuthenticatedSender() {
    }
}
