package org.hostedsmime.mailets;

import java.util.Locale;

import javax.mail.MessagingException;

import org.hostedsmime.core.i18n.SmimeMessages;

/** The {@code language} parameter of the inbound mailets: {@code en} (default) or {@code zh-CN}. */
final class VerdictLanguage {
    static SmimeMessages parse(String parameter) throws MessagingException {
        String tag = parameter == null ? "en" : parameter.trim();
        String lower = tag.toLowerCase(Locale.ROOT);
        if (lower.equals("en") || lower.startsWith("en-")) {
            return SmimeMessages.english();
        }
        if (lower.equals("zh-cn") || lower.equals("zh") || lower.equals("zh-hans")) {
            return SmimeMessages.forLanguageTag("zh-CN");
        }
        throw new MessagingException("language is en or zh-CN, not '" + tag + "'");
    }

    private VerdictLanguage() {
    }
}
