package org.hostedsmime.core;

import org.apache.mailet.AttributeName;

/**
 * The mail attributes this extension sets, for later mailets and matchers. Their names are a contract:
 * never rename one.
 */
public final class SmimeAttributes {
    /** What the sender asked for this message: {@code none}, {@code sign} or {@code encrypt}. */
    public static final AttributeName OUTBOUND_REQUEST = AttributeName.of("org.hostedsmime.outbound.request");
    /**
     * The sender's {@code X-Smime-Options} value once the header is removed: a mail reprocessed from the error
     * repository is decided again with it, so an outage never turns "encrypt this one" into plaintext.
     */
    public static final AttributeName OUTBOUND_OPTION = AttributeName.of("org.hostedsmime.outbound.option");
    /** Recipients without a usable certificate (list of addresses), when encryption was asked for. */
    public static final AttributeName RECIPIENTS_WITHOUT_KEY = AttributeName.of("org.hostedsmime.outbound.recipientsWithoutKey");
    /** Fingerprint of the certificate the message was signed with. */
    public static final AttributeName SIGNED_WITH = AttributeName.of("org.hostedsmime.outbound.signedWith");
    /** Addresses the message was encrypted for (the recipients, then the sender). */
    public static final AttributeName ENCRYPTED_FOR = AttributeName.of("org.hostedsmime.outbound.encryptedFor");
    /** Fingerprints of the certificates it was encrypted to, in the order of {@link #ENCRYPTED_FOR}. */
    public static final AttributeName ENCRYPTED_TO_CERTIFICATES = AttributeName.of("org.hostedsmime.outbound.encryptedToCertificates");
    /** The content encryption used, e.g. {@code AES-256-GCM}. */
    public static final AttributeName CONTENT_ENCRYPTION = AttributeName.of("org.hostedsmime.outbound.contentEncryption");

    /**
     * The signature check of a received message, as a map: {@code verdict}, {@code signer}, {@code fingerprint},
     * {@code signingTime}, {@code reason}.
     */
    public static final AttributeName SIGNATURE = AttributeName.of("org.hostedsmime.inbound.signature");
    /** The signer's certificate (DER) when the signature verdict is {@code valid}: what the key directory collects. */
    public static final AttributeName SIGNER_CERTIFICATE = AttributeName.of("org.hostedsmime.inbound.signerCertificate");
    /** The issuers the signer sent (list of DER), with {@link #SIGNER_CERTIFICATE}. */
    public static final AttributeName SIGNER_ISSUERS = AttributeName.of("org.hostedsmime.inbound.signerIssuers");
    /** The signer's SMIMECapabilities (DER), with {@link #SIGNER_CERTIFICATE}. */
    public static final AttributeName SIGNER_CAPABILITIES = AttributeName.of("org.hostedsmime.inbound.signerCapabilities");
    /** What decryption did for the recipients of this mail: {@code decrypted}, {@code no-key}, {@code smime-disabled}, {@code corrupt}. */
    public static final AttributeName ENCRYPTION = AttributeName.of("org.hostedsmime.inbound.encryption");
    /**
     * Set when the decrypted message was delivered as {@code multipart/mixed} with the original ciphertext
     * attached: the decrypted message is its first part.
     */
    public static final AttributeName ENCRYPTED_ORIGINAL_KEPT = AttributeName.of("org.hostedsmime.inbound.encryptedOriginalKept");
    /** Fingerprint of the hosted certificate whose key decrypted the message. */
    public static final AttributeName DECRYPTED_WITH = AttributeName.of("org.hostedsmime.inbound.decryptedWith");

    private SmimeAttributes() {
    }
}
