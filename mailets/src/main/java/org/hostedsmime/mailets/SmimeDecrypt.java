package org.hostedsmime.mailets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.cms.OuterHeaders;
import org.hostedsmime.core.cms.SmimeResult;
import org.hostedsmime.core.cms.SpooledMimeEntity;
import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.inbound.EncryptionVerdict;
import org.hostedsmime.core.inbound.InboundDecryption;
import org.hostedsmime.core.inbound.InboundDecryption.Classification;
import org.hostedsmime.core.inbound.SmimeDecryptor.Decryption;
import org.hostedsmime.core.inbound.SmimeStructure;
import org.hostedsmime.core.inbound.VerdictHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decrypts S/MIME encrypted mail (enveloped-data, authEnveloped-data) for local recipients with whichever of
 * their hosted keys it was encrypted to, current or older. The delivered message is the decrypted MIME
 * entity with its full structure; {@code X-Smime-Encryption} (and its description) says what happened:
 * {@code decrypted}, {@code no-key} (delivered unchanged), {@code smime-disabled} (delivered unchanged) or
 * {@code corrupt}. Recipients with different outcomes get separate copies: the others are sent back to this
 * processor, one group at a time.
 *
 * <p>Decrypting at delivery stores the plaintext in the mailbox: see docs/mailets.md.</p>
 *
 * <p>While a store is unavailable the mail waits and is retried ({@code storeRetries}, {@code storeRetryDelay});
 * when the retries are used up it is delivered unchanged, {@code X-Smime-Encryption: no-key}, with a description
 * saying the key store was unavailable.</p>
 *
 * <p>Parameters: {@code language} = {@code en} (default) or {@code zh-CN}, the language of
 * {@code X-Smime-Encryption-Description}; {@code keepEncryptedOriginal} = {@code false} (default) or
 * {@code true} to deliver {@code multipart/mixed} with the decrypted message and the original ciphertext
 * ({@code smime.p7m}) attached; {@code storeRetries} (default 6) and {@code storeRetryDelay} (default
 * {@code 60s}, doubling).</p>
 * <pre>{@code
 * <mailet match="All" class="org.hostedsmime.mailets.SmimeDecrypt">
 *     <language>en</language>
 *     <keepEncryptedOriginal>false</keepEncryptedOriginal>
 *     <onMailetException>smime-error</onMailetException>
 * </mailet>
 * }</pre>
 */
public class SmimeDecrypt extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeDecrypt.class);

    /** The no-key description when the store stayed down through every retry: the user may have the key. */
    private static final String STORE_UNAVAILABLE_DESCRIPTION = "encryption.no-key.store-unavailable";

    private final InboundDecryption decryption;
    private SmimeMessages language;
    private boolean keepEncryptedOriginal;
    private StoreOutageRetry outageRetry;

    @Inject
    public SmimeDecrypt(InboundDecryption decryption) {
        this.decryption = decryption;
    }

    @Override
    public void init() throws MessagingException {
        language = VerdictLanguage.parse(getInitParameter("language", "en"));
        keepEncryptedOriginal = getInitParameter("keepEncryptedOriginal", false);
        outageRetry = StoreOutageRetry.fromParameters(this);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        if (!SmimeStructure.of(message).isEncrypted() || mail.getRecipients().isEmpty()) {
            return;
        }
        try {
            decrypt(mail, message);
        } catch (RuntimeException e) {
            if (!StoreOutageRetry.isOutage(e)) {
                throw e;
            }
            if (!outageRetry.retryLater(getMailetContext(), mail, e)) {
                annotate(mail, EncryptionVerdict.NO_KEY, STORE_UNAVAILABLE_DESCRIPTION);
            }
        }
    }

    private void decrypt(Mail mail, MimeMessage message) throws MessagingException {
        Map<EncryptionVerdict, List<MailAddress>> groups = new LinkedHashMap<>();
        Map<EncryptionVerdict, Classification> firstOfGroup = new LinkedHashMap<>();
        for (MailAddress recipient : mail.getRecipients()) {
            Classification classification = decryption.classify(message, Username.of(recipient.asString()));
            groups.computeIfAbsent(classification.verdict(), verdict -> new ArrayList<>()).add(recipient);
            firstOfGroup.putIfAbsent(classification.verdict(), classification);
        }
        EncryptionVerdict here = groups.keySet().iterator().next();
        if (groups.size() > 1) {
            splitOff(mail, groups, here);
        }
        Classification classification = firstOfGroup.get(here);
        EncryptionVerdict verdict = here == EncryptionVerdict.DECRYPTED ? decryptInPlace(mail, classification) : here;
        annotate(mail, verdict, verdict.messageKey());
        LOGGER.info("Encrypted mail {} for {}: {} ({})", mail.getName(), mail.getRecipients(), verdict.value(), classification.reason());
    }

    private void annotate(Mail mail, EncryptionVerdict verdict, String descriptionKey) {
        for (VerdictHeaders.Header header : VerdictHeaders.encryption(verdict, descriptionKey, language)) {
            for (MailAddress recipient : mail.getRecipients()) {
                mail.addSpecificHeaderForRecipient(PerRecipientHeaders.Header.builder().name(header.name()).value(header.value()).build(), recipient);
            }
        }
        mail.setAttribute(new Attribute(SmimeAttributes.ENCRYPTION, AttributeValue.of(verdict.value())));
    }

    /** Other groups go back to this processor as copies of their own; this mail keeps the first group. */
    private void splitOff(Mail mail, Map<EncryptionVerdict, List<MailAddress>> groups, EncryptionVerdict kept) throws MessagingException {
        for (Map.Entry<EncryptionVerdict, List<MailAddress>> group : groups.entrySet()) {
            if (group.getKey() != kept) {
                Mail copy = mail.duplicate();
                try {
                    copy.setRecipients(group.getValue());
                    getMailetContext().sendMail(copy, mail.getState());
                } finally {
                    // The queue keeps its own copy: this one's message source is released now, as James's mailets do.
                    LifecycleUtil.dispose(copy);
                }
            }
        }
        mail.setRecipients(groups.get(kept));
    }

    private EncryptionVerdict decryptInPlace(Mail mail, Classification classification) throws MessagingException {
        MimeMessage encrypted = mail.getMessage();
        try (Decryption decrypted = decryption.decrypt(encrypted, classification.key().orElseThrow())) {
            if (decrypted.verdict() != EncryptionVerdict.DECRYPTED) {
                LOGGER.warn("Mail {} could not be decrypted: {}", mail.getName(), decrypted.reason());
                return decrypted.verdict();
            }
            SpooledMimeEntity content = decrypted.content().orElseThrow();
            try (SmimeResult result = keepEncryptedOriginal ? withOriginal(encrypted, content) : OuterHeaders.withContent(encrypted, content)) {
                mail.setMessage(result.message());
            }
            mail.setAttribute(new Attribute(SmimeAttributes.DECRYPTED_WITH, AttributeValue.of(decrypted.key().orElseThrow().fingerprint().value())));
            if (keepEncryptedOriginal) {
                mail.setAttribute(new Attribute(SmimeAttributes.ENCRYPTED_ORIGINAL_KEPT, AttributeValue.of(true)));
            }
            return EncryptionVerdict.DECRYPTED;
        }
    }

    private static SmimeResult withOriginal(MimeMessage encrypted, SpooledMimeEntity content) throws MessagingException {
        SpooledMimeEntity original = SpooledMimeEntity.spool(out -> {
            MimeBodyPart ciphertext = new MimeBodyPart();
            ciphertext.setDataHandler(encrypted.getDataHandler());
            ciphertext.setHeader("Content-Type", encrypted.getContentType());
            ciphertext.setHeader("Content-Transfer-Encoding", "base64");
            ciphertext.setDisposition("attachment");
            ciphertext.setFileName("smime.p7m");
            ciphertext.writeTo(out);
        });
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(content.bodyPart());
        mixed.addBodyPart(original.bodyPart());
        SpooledMimeEntity wrapped = SpooledMimeEntity.spool(out -> {
            MimeBodyPart holder = new MimeBodyPart();
            holder.setContent(mixed);
            holder.setHeader("Content-Type", mixed.getContentType());
            holder.writeTo(out);
        });
        original.close();
        return OuterHeaders.withContent(encrypted, wrapped);
    }

    @Override
    public String getMailetInfo() {
        return "SmimeDecrypt: decrypts S/MIME mail for local recipients with their hosted keys";
    }
}
