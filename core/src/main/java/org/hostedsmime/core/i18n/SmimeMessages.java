package org.hostedsmime.core.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

/**
 * Every text a user or administrator reads, in English and in Simplified Chinese with the wording of the
 * product documents (resource bundles {@code SmimeMessages*.properties} next to this class).
 */
public final class SmimeMessages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "org.hostedsmime.core.i18n.SmimeMessages";
    private static final List<Locale> SUPPORTED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private final Locale locale;
    private final ResourceBundle bundle;

    private SmimeMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static SmimeMessages english() {
        return new SmimeMessages(ENGLISH);
    }

    public static SmimeMessages forLocale(Locale locale) {
        return new SmimeMessages(isChinese(locale) ? SIMPLIFIED_CHINESE : ENGLISH);
    }

    /**
     * Picks the language of an HTTP {@code Accept-Language} header: Chinese when its preferred supported
     * language is Chinese ({@code zh}, {@code zh-CN}, {@code zh-Hans}...), English otherwise.
     */
    public static SmimeMessages forAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return english();
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return forLocale(best == null ? ENGLISH : best);
        } catch (IllegalArgumentException e) {
            return english();
        }
    }

    /** {@code en} or {@code zh-CN}, as configuration parameters name the languages. */
    public static SmimeMessages forLanguageTag(String tag) {
        return forLocale(Locale.forLanguageTag(tag));
    }

    private static boolean isChinese(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh");
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        try {
            // Always MessageFormat, so every pattern follows the same quoting rules ('' for an apostrophe).
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No message '" + key + "' in " + BUNDLE + " for " + locale, e);
        }
    }

    public String describe(ProblemType type, Object... arguments) {
        return text(type.messageKey(), arguments);
    }

    public String describe(SmimeException exception) {
        return describe(exception.type(), exception.messageArguments());
    }
}
