package org.hostedsmime.core.tls;

import java.util.Optional;

/**
 * The fields of a server certificate upload as the administrator sent them, undecoded: {@code certificate}
 * (PEM, possibly followed by its chain, or DER), the optional {@code chain}, the optional {@code privateKey}
 * (absent when completing a certificate signing request) and the optional password of an encrypted key.
 * {@link #toString()} never shows the key or the password.
 */
public record ServerCertificateUpload(byte[] certificate, Optional<byte[]> chain, Optional<byte[]> privateKey,
                                      Optional<char[]> privateKeyPassword) {
    public ServerCertificateUpload {
        if (certificate == null) {
            certificate = new byte[0];
        }
        chain = chain.filter(ServerCertificateUpload::hasContent);
        privateKey = privateKey.filter(ServerCertificateUpload::hasContent);
        privateKeyPassword = privateKeyPassword.filter(password -> password.length > 0);
    }

    public static ServerCertificateUpload of(String certificate, String chain, String privateKey, String privateKeyPassword) {
        return new ServerCertificateUpload(bytes(certificate),
            Optional.ofNullable(chain).map(ServerCertificateUpload::bytes),
            Optional.ofNullable(privateKey).map(ServerCertificateUpload::bytes),
            Optional.ofNullable(privateKeyPassword).map(String::toCharArray));
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Blank fields count as absent: forms send empty parts for fields left empty. */
    private static boolean hasContent(byte[] field) {
        for (byte b : field) {
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ServerCertificateUpload{certificate=" + certificate.length + " bytes, chain=" + chain.map(c -> c.length + " bytes").orElse("none")
            + ", privateKey=" + (privateKey.isPresent() ? "present" : "none") + "}";
    }
}
