package org.hostedsmime.core.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

/**
 * Reads a server's private key in the forms certificate authorities and OpenSSL hand out: PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}), PKCS#8 ({@code BEGIN PRIVATE KEY}), SEC 1 ({@code BEGIN EC PRIVATE KEY},
 * with or without its {@code EC PARAMETERS} block), encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}) and
 * the legacy OpenSSL encryption ({@code Proc-Type: 4,ENCRYPTED}) with a password, or a DER PKCS#8 file. Text
 * around the block, indentation and Windows line ends are tolerated, as for certificates.
 *
 * <p>Errors name the field and the problem, never the key material.</p>
 */
public final class PrivateKeyReader {
    private static final Set<String> KEY_BLOCKS = Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY");

    /** The key of {@code field}; a field holding no key is {@code corrupt}. */
    public static PrivateKey read(String field, byte[] input, Optional<char[]> password) {
        return find(field, input, password)
            .orElseThrow(() -> ServerCertificateProblem.corrupt(field, "no private key block (BEGIN PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY or ENCRYPTED PRIVATE KEY)"));
    }

    /**
     * The first private key of a PEM input, empty when it holds none (e.g. a certificate file that might also
     * carry the key); a damaged key block is {@code corrupt}, a password that does not open it {@code wrong-password}.
     */
    public static Optional<PrivateKey> find(String field, byte[] input, Optional<char[]> password) {
        if (!isPem(input)) {
            return Optional.of(fromDer(field, input, password));
        }
        List<PemObject> blocks;
        try {
            blocks = CertificateDecoder.pemBlocks(input);
        } catch (SmimeException e) {
            throw ServerCertificateProblem.corrupt(field, "damaged PEM block");
        }
        return blocks.stream()
            .filter(block -> KEY_BLOCKS.contains(block.getType()))
            .findFirst()
            .map(block -> fromPem(field, block, password));
    }

    private static boolean isPem(byte[] input) {
        return new String(input, java.nio.charset.StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    private static PrivateKey fromPem(String field, PemObject block, Optional<char[]> password) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(normalised(block)))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw ServerCertificateProblem.corrupt(field, block.getType() + " block cannot be decoded");
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoProvider.BOUNCY_CASTLE);
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return converter.getPrivateKey(decrypt(encrypted, requirePassword(password)));
            }
            if (parsed instanceof PEMEncryptedKeyPair legacy) {
                try {
                    return converter.getKeyPair(legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                        .setProvider(CryptoProvider.BOUNCY_CASTLE)
                        .build(requirePassword(password)))).getPrivate();
                } catch (IOException | RuntimeException e) {
                    throw wrongPassword();
                }
            }
        } catch (PEMException | RuntimeException e) {
            if (e instanceof SmimeException smime) {
                throw smime;
            }
            throw ServerCertificateProblem.corrupt(field, block.getType() + " block does not hold a usable key");
        }
        throw ServerCertificateProblem.corrupt(field, block.getType() + " block does not hold a private key");
    }

    private static PrivateKey fromDer(String field, byte[] input, Optional<char[]> password) {
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoProvider.BOUNCY_CASTLE);
            if (password.isPresent()) {
                return converter.getPrivateKey(decrypt(new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(input)),
                    password.get()));
            }
            return converter.getPrivateKey(PrivateKeyInfo.getInstance(input));
        } catch (PEMException | RuntimeException e) {
            if (e instanceof SmimeException smime) {
                throw smime;
            }
            throw ServerCertificateProblem.corrupt(field, "neither PEM nor a DER PKCS#8 private key");
        }
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) {
        try {
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(CryptoProvider.BOUNCY_CASTLE)
                .build(password));
        } catch (PKCSException | OperatorCreationException e) {
            throw wrongPassword();
        }
    }

    private static char[] requirePassword(Optional<char[]> password) {
        return password.orElseThrow(PrivateKeyReader::wrongPassword);
    }

    /** The block alone, written back cleanly (headers kept) for {@link PEMParser}. */
    private static String normalised(PemObject block) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(block);
        }
        return out.toString();
    }

    private static ServerCertificateProblem wrongPassword() {
        return ServerCertificateProblem.worded(ProblemType.WRONG_PASSWORD,
            "The private key is encrypted and privateKeyPassword is missing or does not open it", Map.of("field", "privateKeyPassword"));
    }

    private PrivateKeyReader() {
    }
}
