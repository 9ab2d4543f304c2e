package org.hostedsmime.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.apache.james.core.Username;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.crypto.KeyPairs;

/**
 * Encrypts hosted private keys at rest with the {@link MasterKey}: AES-256-GCM, a fresh 96-bit nonce per
 * key, and additional authenticated data {@code hosted-smime/v1|<user>|<fingerprint>}.
 */
public class PrivateKeyEncryption {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A key that cannot be decrypted: wrong master key, or a ciphertext that was altered or moved. */
    public static class KeyDecryptionException extends RuntimeException {
        public KeyDecryptionException(String message) {
            super(message);
        }
    }

    private final MasterKey masterKey;

    public PrivateKeyEncryption(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    public EncryptedPrivateKey encrypt(Username owner, Fingerprint fingerprint, PrivateKey privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        CryptoProvider.random().nextBytes(nonce);
        byte[] plaintext = privateKey.getEncoded();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(owner, fingerprint));
            return new EncryptedPrivateKey(masterKey.keyId(), nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    public PrivateKey decrypt(Username owner, Fingerprint fingerprint, EncryptedPrivateKey encrypted) {
        if (!encrypted.masterKeyId().equals(masterKey.keyId())) {
            throw new KeyDecryptionException("The private key of " + fingerprint + " was encrypted under master key "
                + encrypted.masterKeyId() + " but the configured master key is " + masterKey.keyId());
        }
        byte[] plaintext = null;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, encrypted.nonce()));
            cipher.updateAAD(associatedData(owner, fingerprint));
            plaintext = cipher.doFinal(encrypted.ciphertext());
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(plaintext);
            return KeyFactory.getInstance(KeyPairs.jcaAlgorithm(info.getPrivateKeyAlgorithm().getAlgorithm()), CryptoProvider.BOUNCY_CASTLE)
                .generatePrivate(new PKCS8EncodedKeySpec(plaintext));
        } catch (AEADBadTagException e) {
            throw new KeyDecryptionException("The private key of " + fingerprint + " does not authenticate under master key "
                + masterKey.keyId() + ": it was altered or belongs to another user or certificate");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyDecryptionException("The private key of " + fingerprint + " cannot be restored: " + e.getClass().getSimpleName());
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static byte[] associatedData(Username owner, Fingerprint fingerprint) {
        return ("hosted-smime/v1|" + owner.asString() + "|" + fingerprint.value()).getBytes(StandardCharsets.UTF_8);
    }
}
