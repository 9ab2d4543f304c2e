package org.hostedsmime.core.inbound;

import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.Part;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.hosting.SmimeSettingsService;
import org.hostedsmime.core.hosting.TrustMaterials;
import org.hostedsmime.core.store.SmimeSettings;

/**
 * Decides, for one local recipient of an encrypted message, what happens: decryptable with one of the
 * user's hosted keys (current or older: key history), {@code no-key}, {@code smime-disabled} (the domain or
 * the user has S/MIME off) or {@code corrupt}; and decrypts.
 */
public class InboundDecryption {

    /** For one recipient: the verdict it would get, and the key to decrypt with when it is {@code decrypted}. */
    public record Classification(EncryptionVerdict verdict, Optional<DecryptionKey> key, String reason) {
    }

    private final HostedCertificateService certificates;
    private final SmimeSettingsService settings;
    private final TrustMaterials trustMaterials;
    private final SmimeDecryptor decryptor = new SmimeDecryptor();

    public InboundDecryption(HostedCertificateService certificates, SmimeSettingsService settings, TrustMaterials trustMaterials) {
        this.certificates = certificates;
        this.settings = settings;
        this.trustMaterials = trustMaterials;
    }

    public Classification classify(Part encrypted, Username recipient) throws MessagingException {
        Optional<Domain> domain = recipient.getDomainPart();
        if (domain.isEmpty() || !trustMaterials.isEnabled(domain.get()).block()) {
            return new Classification(EncryptionVerdict.SMIME_DISABLED, Optional.empty(), "S/MIME is not enabled for the domain");
        }
        SmimeSettings userSettings = settings.current(recipient);
        if (!userSettings.sign() && !userSettings.encrypt()) {
            return new Classification(EncryptionVerdict.SMIME_DISABLED, Optional.empty(), "S/MIME is off in the user's settings");
        }
        List<DecryptionKey> keys = certificates.keyHistory(recipient).stream()
            .map(hosted -> new DecryptionKey(hosted.certificate(), () -> certificates.privateKey(hosted)))
            .toList();
        try {
            return decryptor.matchingKey(encrypted, keys)
                .map(key -> new Classification(EncryptionVerdict.DECRYPTED, Optional.of(key), "encrypted to " + key.fingerprint()))
                .orElseGet(() -> new Classification(EncryptionVerdict.NO_KEY, Optional.empty(),
                    "none of the " + keys.size() + " hosted certificates is a recipient"));
        } catch (SmimeDecryptor.CorruptEncryptionException e) {
            return new Classification(EncryptionVerdict.CORRUPT, Optional.empty(), e.getMessage());
        }
    }

    public SmimeDecryptor.Decryption decrypt(Part encrypted, DecryptionKey key) throws MessagingException {
        return decryptor.decrypt(encrypted, key);
    }
}
