package org.hostedsmime.webadmin.dto;

/**
 * {@code {"certificate": "<PEM>", "chain": "<PEM>", "privateKey": "<PEM>", "privateKeyPassword": "..."}}; all but
 * {@code certificate} optional. {@link #toString()} never shows the key or the password.
 */
public record TlsCertificateUploadRequest(String certificate, String chain, String privateKey, String privateKeyPassword) {
    @Override
    public String toString() {
        return "TlsCertificateUploadRequest{certificate=" + (certificate == null ? 0 : certificate.length()) + " characters, chain="
            + (chain == null ? 0 : chain.length()) + " characters, privateKey=" + (privateKey == null ? "none" : "present") + "}";
    }
}
