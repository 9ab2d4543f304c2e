package org.hostedsmime.core.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.tls.PemFiles;

/**
 * The AES-256 key that encrypts every hosted private key at rest. It lives in a file of its own (base64 of
 * 32 random bytes), readable by the server's user only, outside the store: a copy of the database alone
 * reveals no private key.
 *
 * <p>Its {@link #keyId()} (the first 8 bytes of SHA-256 of the key, hex) is stored next to every encrypted
 * key, so a server started with another master key says so instead of failing obscurely.</p>
 */
public final class MasterKey {
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final SecretKey key;
    private final String keyId;

    private MasterKey(byte[] material) {
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("A master key is " + KEY_BYTES + " bytes (AES-256), got " + material.length);
        }
        this.key = new SecretKeySpec(material, "AES");
        this.keyId = keyIdOf(material);
        Arrays.fill(material, (byte) 0);
    }

    public static MasterKey fromBytes(byte[] material) {
        return new MasterKey(material.clone());
    }

    public static MasterKey generate() {
        byte[] material = new byte[KEY_BYTES];
        CryptoProvider.random().nextBytes(material);
        return new MasterKey(material);
    }

    /**
     * Reads the key file; when it is missing and {@code generateIfMissing}, creates it first (owner-only
     * permissions). Refuses a key file other users may read.
     */
    public static MasterKey load(Path file, boolean generateIfMissing) {
        try {
            if (Files.notExists(file)) {
                if (!generateIfMissing) {
                    throw new IllegalStateException("Master key file " + file + " does not exist; create it (base64 of 32 random bytes, "
                        + "e.g. `openssl rand -base64 32 > " + file + "`, mode 600) or enable its generation");
                }
                byte[] material = new byte[KEY_BYTES];
                CryptoProvider.random().nextBytes(material);
                PemFiles.writeSecretAtomically(file, Base64.getEncoder().encodeToString(material) + "\n");
                return new MasterKey(material);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                    throw new IllegalStateException("Master key file " + file + " is readable by other users ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 it");
                }
            }
            byte[] material;
            try {
                material = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Master key file " + file + " is not base64");
            }
            return new MasterKey(material);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file, e);
        }
    }

    private static String keyIdOf(byte[] material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "MasterKey{keyId=" + keyId + "}";
    }
}
