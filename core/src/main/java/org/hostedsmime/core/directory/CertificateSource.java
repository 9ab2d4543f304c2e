package org.hostedsmime.core.directory;

import java.util.Arrays;
import java.util.Optional;

/** Where a certificate of the key directory comes from. The values are part of the API. */
public enum CertificateSource {
    /** A local user's hosted certificate. */
    HOSTED("hosted"),
    /** The signer certificate of trustworthy signed mail received by a local user. */
    COLLECTED("collected"),
    /** Imported by an administrator. */
    IMPORTED("imported");

    private final String value;

    CertificateSource(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<CertificateSource> parse(String value) {
        return Arrays.stream(values()).filter(source -> source.value.equals(value)).findFirst();
    }
}
