package org.hostedsmime.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.HexFormat;

import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.keys.PrivateKeyEncryption.KeyDecryptionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateKeyEncryptionTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final Username MALLORY = Username.of("mallory@example.org");
    private static final Fingerprint FINGERPRINT = new Fingerprint("a".repeat(64));
    private static final Fingerprint OTHER_FINGERPRINT = new Fingerprint("b".repeat(64));

    private static PrivateKey rsaKey;
    private static PrivateKey ecKey;

    @TempDir
    Path directory;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        rsaKey = rsa.generateKeyPair().getPrivate();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        ecKey = ec.generateKeyPair().getPrivate();
    }

    @Test
    void decryptsWhatItEncryptedForRsaAndEcKeys() {
        PrivateKeyEncryption encryption = new PrivateKeyEncryption(MasterKey.generate());

        assertThat(encryption.decrypt(ALICE, FINGERPRINT, encryption.encrypt(ALICE, FINGERPRINT, rsaKey)).getEncoded())
            .isEqualTo(rsaKey.getEncoded());
        assertThat(((ECPrivateKey) encryption.decrypt(ALICE, FINGERPRINT, encryption.encrypt(ALICE, FINGERPRINT, ecKey))).getS())
            .isEqualTo(((ECPrivateKey) ecKey).getS());
    }

    @Test
    void storedFormContainsTheKeyInNoEncoding() {
        MasterKey masterKey = MasterKey.generate();
        EncryptedPrivateKey stored = new PrivateKeyEncryption(masterKey).encrypt(ALICE, FINGERPRINT, rsaKey);
        byte[] pkcs8 = rsaKey.getEncoded();
        byte[] privateExponent = ((RSAPrivateCrtKey) rsaKey).getPrivateExponent().toByteArray();
        byte[] primeP = ((RSAPrivateCrtKey) rsaKey).getPrimeP().toByteArray();

        String storedLatin1 = new String(stored.ciphertext(), StandardCharsets.ISO_8859_1)
            + new String(stored.nonce(), StandardCharsets.ISO_8859_1) + stored.masterKeyId();
        for (byte[] secret : new byte[][] {pkcs8, privateExponent, primeP}) {
            assertThat(indexOf(stored.ciphertext(), slice(secret))).isEqualTo(-1);
            assertThat(storedLatin1).doesNotContain(Base64.getEncoder().encodeToString(secret).substring(0, 40))
                .doesNotContain(HexFormat.of().formatHex(secret).substring(0, 40));
        }
    }

    @Test
    void aKeyDoesNotDecryptForAnotherUserOrCertificate() {
        PrivateKeyEncryption encryption = new PrivateKeyEncryption(MasterKey.generate());
        EncryptedPrivateKey stored = encryption.encrypt(ALICE, FINGERPRINT, rsaKey);

        assertThatThrownBy(() -> encryption.decrypt(MALLORY, FINGERPRINT, stored))
            .isInstanceOf(KeyDecryptionException.class).hasMessageContaining("belongs to another user or certificate");
        assertThatThrownBy(() -> encryption.decrypt(ALICE, OTHER_FINGERPRINT, stored))
            .isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void aWrongMasterKeyFailsClearly() {
        MasterKey original = MasterKey.generate();
        MasterKey other = MasterKey.generate();
        EncryptedPrivateKey stored = new PrivateKeyEncryption(original).encrypt(ALICE, FINGERPRINT, rsaKey);

        assertThatThrownBy(() -> new PrivateKeyEncryption(other).decrypt(ALICE, FINGERPRINT, stored))
            .isInstanceOf(KeyDecryptionException.class)
            .hasMessageContaining("encrypted under master key " + original.keyId())
            .hasMessageContaining("configured master key is " + other.keyId());
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        PrivateKeyEncryption encryption = new PrivateKeyEncryption(MasterKey.generate());
        EncryptedPrivateKey stored = encryption.encrypt(ALICE, FINGERPRINT, rsaKey);
        byte[] ciphertext = stored.ciphertext();
        ciphertext[10] ^= 1;

        assertThatThrownBy(() -> encryption.decrypt(ALICE, FINGERPRINT, new EncryptedPrivateKey(stored.masterKeyId(), stored.nonce(), ciphertext)))
            .isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void generatedMasterKeyFileIsOwnerOnlyAndLoadsBackToTheSameKey() throws Exception {
        Path file = directory.resolve("smime/master.key");

        MasterKey generated = MasterKey.load(file, true);
        MasterKey loaded = MasterKey.load(file, false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(loaded.keyId()).isEqualTo(generated.keyId());
        EncryptedPrivateKey stored = new PrivateKeyEncryption(generated).encrypt(ALICE, FINGERPRINT, ecKey);
        assertThat(((ECPrivateKey) new PrivateKeyEncryption(loaded).decrypt(ALICE, FINGERPRINT, stored)).getS())
            .isEqualTo(((ECPrivateKey) ecKey).getS());
    }

    @Test
    void missingMasterKeyIsAnErrorUnlessGenerationIsAllowed() {
        assertThatThrownBy(() -> MasterKey.load(directory.resolve("absent.key"), false))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void masterKeyReadableByOthersIsRefused() throws Exception {
        Path file = directory.resolve("master.key");
        MasterKey.load(file, true);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MasterKey.load(file, false))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void descriptionsNeverShowKeyMaterial() {
        MasterKey masterKey = MasterKey.generate();
        EncryptedPrivateKey stored = new PrivateKeyEncryption(masterKey).encrypt(ALICE, FINGERPRINT, rsaKey);

        assertThat(masterKey.toString()).isEqualTo("MasterKey{keyId=" + masterKey.keyId() + "}");
        assertThat(stored.toString()).doesNotContain(Base64.getEncoder().encodeToString(stored.ciphertext()));
    }

    private static byte[] slice(byte[] secret) {
        byte[] slice = new byte[Math.min(16, secret.length)];
        System.arraycopy(secret, secret.length / 2 - slice.length / 2, slice, 0, slice.length);
        return slice;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
