package org.hostedsmime.core.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A private key as stored: AES-256-GCM ciphertext of its PKCS#8 encoding, the nonce, and the id of the
 * master key that encrypted it. The additional authenticated data binds it to its user and certificate
 * fingerprint, so a ciphertext copied to another user's record does not decrypt.
 */
public final class EncryptedPrivateKey {
    private final String masterKeyId;
    private final byte[] nonce;
    private final byte[] ciphertext;

    public EncryptedPrivateKey(String masterKeyId, byte[] nonce, byte[] ciphertext) {
        this.masterKeyId = Objects.requireNonNull(masterKeyId);
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedPrivateKey that
            && masterKeyId.equals(that.masterKeyId)
            && Arrays.equals(nonce, that.nonce)
            && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(masterKeyId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "EncryptedPrivateKey{masterKeyId=" + masterKeyId + ", " + ciphertext.length + " bytes}";
    }
}
