package org.hostedsmime.core.cms;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.mail.MessagingException;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.mail.smime.SMIMEAuthEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;
import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.directory.RecipientCertificate;

/**
 * Encrypts a (signed) message for its recipients (RFC 8551): {@code application/pkcs7-mime;
 * smime-type=enveloped-data} with AES-CBC, or {@code smime-type=authEnveloped-data} with AES-256-GCM when
 * every recipient announced it. Keys are transported with RSAES-OAEP (SHA-256) to recipients that announced
 * it, RSA PKCS#1 v1.5 to the others, and agreed with ephemeral-static ECDH (SHA-256 KDF, AES-256 key wrap)
 * for EC certificates.
 */
public class SmimeEncryptor {

    /** The content cipher when not every recipient supports AES-256-GCM: the configured minimum. */
    public enum ContentCipher {
        AES_128_CBC(CMSAlgorithm.AES128_CBC),
        AES_192_CBC(CMSAlgorithm.AES192_CBC),
        AES_256_CBC(CMSAlgorithm.AES256_CBC);

        private final ASN1ObjectIdentifier algorithm;

        ContentCipher(ASN1ObjectIdentifier algorithm) {
            this.algorithm = algorithm;
        }
    }

    /** What was chosen, for the mail's attributes and logs. */
    public record Choice(String contentEncryption, boolean authenticated) {
    }

    private final ContentCipher cbcCipher;
    private final boolean gcmWhenSupported;

    public SmimeEncryptor(ContentCipher cbcCipher, boolean gcmWhenSupported) {
        this.cbcCipher = cbcCipher;
        this.gcmWhenSupported = gcmWhenSupported;
    }

    public Choice choose(List<RecipientCertificate> recipients) {
        boolean gcm = gcmWhenSupported && !recipients.isEmpty()
            && recipients.stream().allMatch(recipient -> recipient.capabilities().supportsAes256Gcm());
        return gcm ? new Choice("AES-256-GCM", true) : new Choice(cbcCipher.name().replace('_', '-'), false);
    }

    /** Encrypts {@code signed} (the outer headers stay outside) as it is written. Close the result afterwards. */
    public SmimeResult encrypt(SmimeResult signed, List<RecipientCertificate> recipients) throws MessagingException {
        return signed.wrap(encrypt(signed.message(), recipients));
    }

    /**
     * Encrypts {@code message}'s content (the outer headers stay outside); the result's body is produced as it
     * is written.
     */
    public MimeMessage encrypt(MimeMessage message, List<RecipientCertificate> recipients) throws MessagingException {
        if (recipients.isEmpty()) {
            throw new MessagingException("Refusing to encrypt for no recipient");
        }
        try {
            // Before the generator runs: it may strip Message-ID and MIME-Version from the message it wraps.
            MimeMessage result = OuterHeaders.copyFrom(message);
            MimeBodyPart encrypted;
            if (choose(recipients).authenticated()) {
                SMIMEAuthEnvelopedGenerator generator = new SMIMEAuthEnvelopedGenerator();
                for (RecipientCertificate recipient : recipients) {
                    generator.addRecipientInfoGenerator(recipientInfo(recipient));
                }
                encrypted = generator.generate(message, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                    .setProvider(CryptoProvider.BOUNCY_CASTLE).build());
            } else {
                SMIMEEnvelopedGenerator generator = new SMIMEEnvelopedGenerator();
                for (RecipientCertificate recipient : recipients) {
                    generator.addRecipientInfoGenerator(recipientInfo(recipient));
                }
                encrypted = generator.generate(message, new JceCMSContentEncryptorBuilder(cbcCipher.algorithm)
                    .setProvider(CryptoProvider.BOUNCY_CASTLE).build());
            }
            result.setDataHandler(encrypted.getDataHandler());
            result.setHeader("Content-Type", encrypted.getContentType());
            result.setHeader("Content-Transfer-Encoding", "base64");
            result.setDisposition(encrypted.getDisposition());
            result.setFileName("smime.p7m");
            result.saveChanges();
            return result;
        } catch (MessagingException e) {
            throw e;
        } catch (Exception e) {
            throw new MessagingException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    private static RecipientInfoGenerator recipientInfo(RecipientCertificate recipient) throws Exception {
        X509Certificate certificate = recipient.certificate();
        return switch (CertificateDetails.keyAlgorithm(certificate.getPublicKey())) {
            case "RSA" -> recipient.capabilities().supportsRsaOaep()
                ? new JceKeyTransRecipientInfoGenerator(certificate, new JceAsymmetricKeyWrapper(
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT),
                    certificate.getPublicKey()).setProvider(CryptoProvider.BOUNCY_CASTLE)).setProvider(CryptoProvider.BOUNCY_CASTLE)
                : new JceKeyTransRecipientInfoGenerator(certificate).setProvider(CryptoProvider.BOUNCY_CASTLE);
            case "EC" -> {
                KeyPair ephemeral = ephemeralKeyPair((ECPublicKey) certificate.getPublicKey());
                yield new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(), ephemeral.getPublic(),
                    CMSAlgorithm.AES256_WRAP)
                    .addRecipient(certificate)
                    .setProvider(CryptoProvider.BOUNCY_CASTLE);
            }
            default -> throw new IllegalArgumentException("Cannot encrypt to a " + certificate.getPublicKey().getAlgorithm() + " key");
        };
    }

    private static KeyPair ephemeralKeyPair(ECPublicKey recipientKey) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.BOUNCY_CASTLE);
        generator.initialize(recipientKey.getParams(), CryptoProvider.random());
        return generator.generateKeyPair();
    }
}
