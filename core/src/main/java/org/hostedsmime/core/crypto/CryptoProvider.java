package org.hostedsmime.core.crypto;

import java.security.Provider;
import java.security.SecureRandom;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one place where JCA providers are chosen. Bouncy Castle is passed by instance, never registered
 * globally, so the extension does not change what the rest of James gets from {@code Security}.
 */
public final class CryptoProvider {
    /** Bouncy Castle, created once for the whole extension. */
    public static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    public static SecureRandom random() {
        return RANDOM;
    }

    private CryptoProvider() {
    }
}
