package org.hostedsmime.core.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.Part;

import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSContentInfoParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.cms.SpooledMimeEntity;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * Decrypts enveloped-data (AES-CBC...) and authEnveloped-data (AES-GCM) with whichever of a user's hosted keys
 * matches a RecipientInfo, streaming the plaintext into a spooled file: the decrypted MIME entity, structure
 * intact. The private key is only decrypted from the store for the matching certificate.
 */
public class SmimeDecryptor {

    /** The outcome for one recipient: decrypted content, or why not. Close it once the content is copied. */
    public record Decryption(EncryptionVerdict verdict, Optional<SpooledMimeEntity> content, Optional<DecryptionKey> key, String reason)
        implements AutoCloseable {
        @Override
        public void close() {
            content.ifPresent(SpooledMimeEntity::close);
        }
    }

    /**
     * The first of {@code keys} the message was encrypted to; empty when none. {@link EncryptionVerdict#CORRUPT}
     * data throws: it has no RecipientInfos to compare.
     */
    public Optional<DecryptionKey> matchingKey(Part encrypted, List<DecryptionKey> keys) throws MessagingException, CorruptEncryptionException {
        try (InputStream in = encrypted.getInputStream()) {
            RecipientInformationStore recipients = recipientInfos(SmimeStructure.of(encrypted), in);
            return keys.stream().filter(key -> recipientFor(recipients, key).isPresent()).findFirst();
        } catch (IOException | CMSException | RuntimeException e) {
            throw new CorruptEncryptionException("the encrypted data cannot be parsed: " + e.getClass().getSimpleName());
        }
    }

    public Decryption decrypt(Part encrypted, DecryptionKey key) throws MessagingException {
        SmimeStructure structure = SmimeStructure.of(encrypted);
        try (InputStream in = encrypted.getInputStream()) {
            RecipientInformationStore recipients = recipientInfos(structure, in);
            Optional<RecipientInformation> information = recipientFor(recipients, key);
            if (information.isEmpty()) {
                return new Decryption(EncryptionVerdict.NO_KEY, Optional.empty(), Optional.empty(), "no RecipientInfo for " + key.fingerprint());
            }
            Recipient recipient = recipient(structure, key);
            try (InputStream plaintext = information.get().getContentStream(recipient).getContentStream()) {
                return new Decryption(EncryptionVerdict.DECRYPTED, Optional.of(SpooledMimeEntity.spool(plaintext)), Optional.of(key),
                    "decrypted with " + key.fingerprint());
            }
        } catch (IOException | CMSException | MessagingException | RuntimeException e) {
            // Wrong padding, a failed GCM tag, a truncated stream: the data is damaged (or forged).
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Decryption(EncryptionVerdict.CORRUPT, Optional.empty(), Optional.of(key),
                "decryption failed: " + cause.getClass().getSimpleName());
        }
    }

    private static RecipientInformationStore recipientInfos(SmimeStructure structure, InputStream in) throws CMSException, IOException {
        CMSContentInfoParser parser = structure == SmimeStructure.AUTH_ENVELOPED ? new CMSAuthEnvelopedDataParser(in) : new CMSEnvelopedDataParser(in);
        return parser instanceof CMSAuthEnvelopedDataParser auth ? auth.getRecipientInfos() : ((CMSEnvelopedDataParser) parser).getRecipientInfos();
    }

    private static Optional<RecipientInformation> recipientFor(RecipientInformationStore recipients, DecryptionKey key) {
        boolean ec = CertificateDetails.keyAlgorithm(key.certificate().getPublicKey()).equals("EC");
        try {
            RecipientInformation information = ec
                ? recipients.get(new JceKeyAgreeRecipientId(key.certificate()))
                : recipients.get(new JceKeyTransRecipientId(key.certificate()));
            return Optional.ofNullable(information);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Recipient recipient(SmimeStructure structure, DecryptionKey key) {
        boolean ec = CertificateDetails.keyAlgorithm(key.certificate().getPublicKey()).equals("EC");
        boolean authenticated = structure == SmimeStructure.AUTH_ENVELOPED;
        if (ec) {
            return authenticated
                ? new JceKeyAgreeAuthEnvelopedRecipient(key.privateKey().get()).setProvider(CryptoProvider.BOUNCY_CASTLE)
                : new JceKeyAgreeEnvelopedRecipient(key.privateKey().get()).setProvider(CryptoProvider.BOUNCY_CASTLE);
        }
        return authenticated
            ? new JceKeyTransAuthEnvelopedRecipient(key.privateKey().get()).setProvider(CryptoProvider.BOUNCY_CASTLE)
            : new JceKeyTransEnvelopedRecipient(key.privateKey().get()).setProvider(CryptoProvider.BOUNCY_CASTLE);
    }

    /** Encrypted data that cannot even be parsed. */
    public static class CorruptEncryptionException extends Exception {
        public CorruptEncryptionException(String message) {
            super(message);
        }
    }
}
