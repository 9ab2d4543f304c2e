package org.hostedsmime.mailets;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.directory.KeyDirectory;
import org.hostedsmime.core.directory.KeyDirectory.SignatureCheckSummary;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the signer certificate of a message whose signature {@code SmimeVerifySignature} found {@code valid}
 * (trusted CA path) into the key directory, under each of its addresses, with the algorithms it announced:
 * senders can then encrypt to that correspondent with no manual step. Untrusted, revoked, expired and worse
 * signatures are never collected. No parameters.
 * <pre>{@code
 * <mailet match="All" class="org.hostedsmime.mailets.CollectSignerCertificate">
 *     <onMailetException>ignore</onMailetException>
 * </mailet>
 * }</pre>
 */
public class CollectSignerCertificate extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectSignerCertificate.class);

    private final KeyDirectory directory;

    @Inject
    public CollectSignerCertificate(KeyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<byte[]> certificate = AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.SIGNER_CERTIFICATE, byte[].class);
        if (certificate.isEmpty()) {
            return;
        }
        List<X509Certificate> issuers = new ArrayList<>();
        AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.SIGNER_ISSUERS, Collection.class)
            .ifPresent(values -> {
                for (Object value : (Collection<?>) values) {
                    Object der = value instanceof AttributeValue<?> attribute ? attribute.value() : value;
                    if (der instanceof byte[] bytes) {
                        issuers.add(parse(bytes));
                    }
                }
            });
        SmimeCapabilities capabilities = SmimeCapabilities.fromDer(
            AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.SIGNER_CAPABILITIES, byte[].class).orElse(new byte[0]));
        List<String> saved = directory.collect(new SignatureCheckSummary(true, Optional.of(parse(certificate.get())), issuers, capabilities));
        if (!saved.isEmpty()) {
            LOGGER.info("Collected the signer certificate of mail {} for {}", mail.getName(), saved);
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not a certificate", e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "CollectSignerCertificate: saves trustworthy signers' certificates into the key directory";
    }
}
