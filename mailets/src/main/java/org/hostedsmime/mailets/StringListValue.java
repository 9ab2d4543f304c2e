package org.hostedsmime.mailets;

import java.util.Collection;
import java.util.List;

import org.apache.mailet.AttributeValue;

/** A list of strings as a mail attribute value (James serialises it with the mail). */
final class StringListValue {
    static AttributeValue<Collection<AttributeValue<?>>> of(List<String> values) {
        List<AttributeValue<?>> items = values.stream().<AttributeValue<?>>map(AttributeValue::of).toList();
        return AttributeValue.of(items);
    }

    private StringListValue() {
    }
}
