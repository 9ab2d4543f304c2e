package org.hostedsmime.core.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;

import org.hostedsmime.core.crypto.CryptoProvider;

/** The key types a certificate signing request can be made for; the {@link #value()}s are part of the API. */
public enum CsrKeyType {
    RSA_3072("RSA-3072", "SHA256withRSA"),
    EC_P256("EC-P256", "SHA256withECDSA");

    public static final CsrKeyType DEFAULT = RSA_3072;

    private final String value;
    private final String signatureAlgorithm;

    CsrKeyType(String value, String signatureAlgorithm) {
        this.value = value;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public static Optional<CsrKeyType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equalsIgnoreCase(value)).findFirst();
    }

    public String value() {
        return value;
    }

    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    KeyPair generate() {
        try {
            if (this == RSA_3072) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", CryptoProvider.BOUNCY_CASTLE);
                generator.initialize(3072, CryptoProvider.random());
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec("secp256r1"), CryptoProvider.random());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + value + " key pair", e);
        }
    }
}
