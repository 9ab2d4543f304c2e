package org.hostedsmime.core.tls;

import java.util.Arrays;
import java.util.List;

import org.hostedsmime.core.i18n.SmimeMessages;

/**
 * A text of the {@code SmimeMessages} bundles not rendered yet: a message argument or a warning that must be
 * shown in the language of whoever reads the response, which the core does not know.
 *
 * @param key message key, e.g. {@code problem.key-mismatch.chain-hint}
 * @param arguments its arguments; a {@code LocalizedText} among them is rendered first, in the same language
 */
public record LocalizedText(String key, List<Object> arguments) {
    public LocalizedText {
        arguments = List.copyOf(arguments);
    }

    public static LocalizedText of(String key, Object... arguments) {
        return new LocalizedText(key, Arrays.asList(arguments));
    }

    /** The text in the language of {@code messages}. */
    public String in(SmimeMessages messages) {
        return messages.text(key, arguments.stream()
            .map(argument -> argument instanceof LocalizedText text ? text.in(messages) : argument)
            .toArray());
    }
}
