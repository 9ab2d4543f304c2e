package org.hostedsmime.mailets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.cms.SigningIdentity;
import org.hostedsmime.core.cms.SmimeEncryptor;
import org.hostedsmime.core.directory.CertificateSource;
import org.hostedsmime.core.directory.KeyDirectory;
import org.hostedsmime.core.directory.RecipientCertificate;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.outbound.RecipientKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts an (already signed) mail for every recipient and for the sender, so the sender's copy stays
 * readable. Fails closed: when a recipient has no usable certificate here, or the sender has none, the
 * mailet fails and the mail goes to the error processor instead of out. Records the addresses and
 * certificate fingerprints in {@code org.hostedsmime.outbound.encryptedFor} /
 * {@code encryptedToCertificates} and the cipher in {@code contentEncryption}.
 *
 * <p>Parameters: {@code contentEncryption} = {@code AES-256-CBC} (default), {@code AES-192-CBC} or
 * {@code AES-128-CBC}: the cipher when not every recipient announced AES-256-GCM; {@code gcm} =
 * {@code true} (default) to use AES-256-GCM (authEnveloped-data) when every recipient announced it.</p>
 * <pre>{@code
 * <mailet match="All" class="org.hostedsmime.mailets.SmimeEncrypt">
 *     <contentEncryption>AES-256-CBC</contentEncryption>
 *     <gcm>true</gcm>
 *     <onMailetException>smime-error</onMailetException>
 * </mailet>
 * }</pre>
 */
public class SmimeEncrypt extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeEncrypt.class);

    private final KeyDirectory directory;
    private final HostedCertificateService certificates;
    private SmimeEncryptor encryptor;

    @Inject
    public SmimeEncrypt(KeyDirectory directory, HostedCertificateService certificates) {
        this.directory = directory;
        this.certificates = certificates;
    }

    @Override
    public void init() throws MessagingException {
        String cipher = getInitParameter("contentEncryption", "AES-256-CBC").trim().toUpperCase(Locale.ROOT).replace('-', '_');
        SmimeEncryptor.ContentCipher contentCipher;
        try {
            contentCipher = SmimeEncryptor.ContentCipher.valueOf(cipher);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("contentEncryption is AES-128-CBC, AES-192-CBC or AES-256-CBC, not '"
                + getInitParameter("contentEncryption") + "'");
        }
        encryptor = new SmimeEncryptor(contentCipher, getInitParameter("gcm", true));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Username sender = AuthenticatedSender.of(mail)
            .orElseThrow(() -> new MessagingException("SmimeEncrypt needs an SMTP-authenticated sender; check its matcher"));
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        RecipientKeys keys = RecipientKeys.lookUp(directory, recipients, certificates.trustOf(sender));
        if (!keys.complete()) {
            throw new MessagingException("Refusing to send mail " + mail.getName() + " unencrypted: no usable key for " + keys.missing());
        }
        SigningIdentity senderIdentity = certificates.signingIdentity(sender).identity()
            .orElseThrow(() -> new MessagingException("Refusing to encrypt mail " + mail.getName() + ": the sender has no usable certificate"));

        List<RecipientCertificate> encryptTo = new ArrayList<>();
        recipients.forEach(recipient -> encryptTo.add(keys.found().get(recipient)));
        if (encryptTo.stream().noneMatch(recipient -> recipient.fingerprint().equals(senderIdentity.fingerprint()))) {
            encryptTo.add(new RecipientCertificate(sender.asString(), senderIdentity.certificate(), CertificateSource.HOSTED,
                SmimeCapabilities.ofThisServer()));
        }

        MimeMessage encrypted = encryptor.encrypt(mail.getMessage(), encryptTo);
        mail.setMessage(encrypted);

        mail.setAttribute(new Attribute(SmimeAttributes.ENCRYPTED_FOR,
            StringListValue.of(encryptTo.stream().map(RecipientCertificate::address).toList())));
        mail.setAttribute(new Attribute(SmimeAttributes.ENCRYPTED_TO_CERTIFICATES,
            StringListValue.of(encryptTo.stream().map(recipient -> recipient.fingerprint().value()).toList())));
        String contentEncryption = encryptor.choose(encryptTo).contentEncryption();
        mail.setAttribute(new Attribute(SmimeAttributes.CONTENT_ENCRYPTION, AttributeValue.of(contentEncryption)));
        LOGGER.info("Encrypted mail {} from {} for {} ({})", mail.getName(), sender.asString(),
            encryptTo.stream().map(RecipientCertificate::address).toList(), contentEncryption);
    }

    @Override
    public String getMailetInfo() {
        return "SmimeEncrypt: encrypts mail for its recipients and its sender";
    }
}
