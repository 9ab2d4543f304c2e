package org.hostedsmime.core.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * Writes keys and certificates as PEM files the way a secret should be written: owner-only permissions
 * from the first byte, and atomically (temporary file, then rename), so a reader never sees half a file.
 */
public final class PemFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int KEY_ENCRYPTION_ITERATIONS = 100_000;

    public static String toPem(List<X509Certificate> certificates) {
        return pem(writer -> {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        });
    }

    /** Unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}): what James's PEM TLS configuration reads. */
    public static String toPem(PrivateKey privateKey) {
        return pem(writer -> writer.writeObject(new JcaPKCS8Generator(privateKey, null)));
    }

    /**
     * Encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC): for a
     * TLS configuration that names a {@code <secret>}.
     */
    public static String toEncryptedPem(PrivateKey privateKey, char[] password) {
        return pem(writer -> {
            try {
                writer.writeObject(new JcaPKCS8Generator(privateKey, new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(CryptoProvider.BOUNCY_CASTLE)
                    .setRandom(CryptoProvider.random())
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(KEY_ENCRYPTION_ITERATIONS)
                    .setPassword(password)
                    .build()));
            } catch (OperatorCreationException e) {
                throw new IOException("Cannot encrypt the private key", e);
            }
        });
    }

    /** {@code BEGIN X509 CRL}. */
    public static String toPem(X509CRL crl) {
        return pem(writer -> writer.writeObject(crl));
    }

    /** {@code BEGIN CERTIFICATE REQUEST}. */
    public static String toPem(PKCS10CertificationRequest request) {
        return pem(writer -> writer.writeObject(request));
    }

    /** A block read from a PEM file, written out again. */
    public static String toPem(PemObject block) {
        return pem(writer -> writer.writeObject(block));
    }

    public static void writeSecretAtomically(Path target, String content) {
        writeSecretAtomically(target, content.getBytes(StandardCharsets.US_ASCII));
    }

    /** Byte for byte, e.g. to put back a file exactly as it was. */
    public static void writeSecretAtomically(Path target, byte[] content) {
        try {
            Path directory = target.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = createOwnerOnlyTempFile(directory, target.getFileName().toString());
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(ByteBuffer.wrap(content));
                    // On disk before the rename makes it visible: after a crash the file is the old or the new one, whole.
                    channel.force(true);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private static Path createOwnerOnlyTempFile(Path directory, String prefix) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, "." + prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createTempFile(directory, "." + prefix, ".tmp");
    }

    private interface PemWriting {
        void write(JcaPEMWriter writer) throws IOException;
    }

    private static String pem(PemWriting writing) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writing.write(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private PemFiles() {
    }
}
