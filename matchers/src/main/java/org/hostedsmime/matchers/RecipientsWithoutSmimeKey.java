package org.hostedsmime.matchers;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.certificate.CertificateAddresses;

/**
 * Matches the recipients that have no usable encryption certificate, as listed by the
 * {@code SmimeRecipientKeys} mailet. James then splits the mail: the matched recipients' copy goes to the
 * mailet (e.g. to be signed only, the {@code split} policy), the others' copy goes on to be encrypted.
 * <pre>{@code <mailet match="org.hostedsmime.matchers.RecipientsWithoutSmimeKey" class="ToProcessor">}</pre>
 */
public class RecipientsWithoutSmimeKey extends GenericMatcher {
    @Override
    public Collection<MailAddress> match(Mail mail) {
        Set<String> withoutKey = AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.RECIPIENTS_WITHOUT_KEY, Collection.class)
            .map(values -> ((Collection<?>) values).stream()
                .map(value -> value instanceof AttributeValue<?> attribute ? attribute.value() : value)
                .map(value -> CertificateAddresses.normalize(String.valueOf(value)))
                .collect(Collectors.toSet()))
            .orElse(Set.of());
        return mail.getRecipients().stream()
            .filter(recipient -> withoutKey.contains(CertificateAddresses.normalize(recipient.asString())))
            .toList();
    }
}
