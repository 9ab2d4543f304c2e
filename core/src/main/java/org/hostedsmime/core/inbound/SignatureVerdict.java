package org.hostedsmime.core.inbound;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one verdict a signed message gets, in precedence order: the first that applies is reported. The
 * {@link #value()} strings are what {@code X-Smime-Signature} carries: never rename one.
 */
public enum SignatureVerdict {
    /** The signature data cannot be parsed (数字签名数据损坏). */
    CORRUPT("corrupt"),
    /** The content does not match the signature (数字签名校验不一致，邮件内容可能已被篡改). */
    TAMPERED("tampered"),
    /** The signer or a CA of its path is revoked by a known CRL (证书已被吊销). */
    REVOKED("revoked"),
    /** The signer certificate was not valid at signing time, or is not now (证书已过期). */
    EXPIRED("expired"),
    /** The signature is correct but no path leads to a trust anchor (来源不受信任 / 信任链不完整). */
    UNTRUSTED("untrusted"),
    /** The From address is not among the certificate's addresses (RFC 8550 §3). */
    SIGNER_MISMATCH("signer-mismatch"),
    /** MD5 or SHA-1 digest, or an RSA key under 2048 bits. */
    WEAK_ALGORITHM("weak-algorithm"),
    /** Every check passes (数字签名有效). */
    VALID("valid");

    private final String value;

    SignatureVerdict(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<SignatureVerdict> parse(String value) {
        return Arrays.stream(values()).filter(verdict -> verdict.value.equals(value)).findFirst();
    }

    /** Key of the human text in {@code SmimeMessages} bundles. */
    public String messageKey() {
        return "signature." + value;
    }
}
