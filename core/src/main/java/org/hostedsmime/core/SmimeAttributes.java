package org.hostedsmime.core;

import org.apache.mailet.AttributeName;

/**
 * The mail attributes this extension sets, for later mailets and matchers. Their names are a contract:
 * never rename one.
 */
public final class SmimeAttributes {
    /** What the sender asked for this message: {@code none}, {@code sign} or {@code encrypt}. */
    public static final AttributeName OUTBOUND_REQUEST = AttributeName.of("org.hostedsmime.outbound.request");
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

    private SmimeAttributes() {
    }
}
