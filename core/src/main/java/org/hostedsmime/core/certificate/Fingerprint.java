package org.hostedsmime.core.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 of a certificate's DER encoding, lowercase hex without colons: how every API path and store names
 * a certificate.
 */
public record Fingerprint(String value) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Fingerprint {
        if (!SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("A fingerprint is 64 lowercase hex characters (SHA-256 of the DER certificate)");
        }
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be DER-encoded", e);
        }
    }

    public static Fingerprint of(byte[] der) {
        try {
            return new Fingerprint(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts what people paste: upper case and colons are normalised away. */
    public static Fingerprint parse(String text) {
        return new Fingerprint(text.trim().replace(":", "").toLowerCase(Locale.ROOT));
    }

    public static boolean isValid(String text) {
        return SHA256_HEX.matcher(text.trim().replace(":", "").toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
