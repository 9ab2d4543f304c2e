package org.hostedsmime.mailets;

import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.directory.KeyDirectory;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.hosting.SmimeSettingsService;
import org.hostedsmime.core.outbound.RecipientKeys;
import org.hostedsmime.core.store.SmimeSettings.MissingKeyPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before encrypting: looks up every recipient's certificate in the key directory and applies the sender's
 * {@code missingKeyPolicy} when some have none, so that no recipient ever gets plaintext by accident.
 * <ul>
 *     <li>{@code bounce} (default): nothing is sent to anyone; the sender gets a notice listing exactly the
 *     addresses without a usable key (English and Chinese).</li>
 *     <li>{@code sign-only}: the whole mail goes to the {@code signOnlyProcessor} to be signed, not
 *     encrypted.</li>
 *     <li>{@code split}: the addresses without a key are listed in the
 *     {@code org.hostedsmime.outbound.recipientsWithoutKey} attribute; the {@code RecipientsWithoutSmimeKey}
 *     matcher then sends their copy to be signed only, the others' copy is encrypted.</li>
 * </ul>
 * Parameters: {@code signOnlyProcessor} (default {@code smime-sign}).
 * <pre>{@code
 * <mailet match="All" class="org.hostedsmime.mailets.SmimeRecipientKeys">
 *     <signOnlyProcessor>smime-sign</signOnlyProcessor>
 *     <onMailetException>smime-error</onMailetException>
 * </mailet>
 * }</pre>
 */
public class SmimeRecipientKeys extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeRecipientKeys.class);

    private final KeyDirectory directory;
    private final HostedCertificateService certificates;
    private final SmimeSettingsService settings;
    private final SenderNotices notices = new SenderNotices();
    private String signOnlyProcessor;

    @Inject
    public SmimeRecipientKeys(KeyDirectory directory, HostedCertificateService certificates, SmimeSettingsService settings) {
        this.directory = directory;
        this.certificates = certificates;
        this.settings = settings;
    }

    @Override
    public void init() throws MessagingException {
        signOnlyProcessor = getInitParameter("signOnlyProcessor", "smime-sign");
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Username sender = AuthenticatedSender.of(mail)
            .orElseThrow(() -> new MessagingException("SmimeRecipientKeys needs an SMTP-authenticated sender; check its matcher"));
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        RecipientKeys keys = RecipientKeys.lookUp(directory, recipients, certificates.trustOf(sender));
        if (keys.complete()) {
            mail.removeAttribute(SmimeAttributes.RECIPIENTS_WITHOUT_KEY);
            return;
        }
        mail.setAttribute(new Attribute(SmimeAttributes.RECIPIENTS_WITHOUT_KEY,
            StringListValue.of(keys.missing())));

        MissingKeyPolicy policy = settings.current(sender).missingKeyPolicy();
        LOGGER.info("Mail {} from {}: no usable key for {}, policy {}", mail.getName(), sender.asString(), keys.missing(), policy.value());
        switch (policy) {
            case BOUNCE -> {
                notices.missingKeys(getMailetContext(), mail, sender, keys.missing());
                mail.setState(Mail.GHOST);
            }
            case SIGN_ONLY -> mail.setState(signOnlyProcessor);
            case SPLIT -> {
                // RecipientsWithoutSmimeKey splits the mail next.
            }
        }
    }

    @Override
    public String getMailetInfo() {
        return "SmimeRecipientKeys: applies the sender's policy to recipients without an encryption key";
    }
}
