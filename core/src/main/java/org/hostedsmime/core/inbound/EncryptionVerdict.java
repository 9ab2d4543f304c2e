package org.hostedsmime.core.inbound;

/** What happened to an encrypted message for a local recipient; the value goes into {@code X-Smime-Encryption}. */
public enum EncryptionVerdict {
    /** Decrypted with one of the recipient's hosted keys. */
    DECRYPTED("decrypted"),
    /** None of the recipient's hosted keys matches a RecipientInfo: delivered unchanged. */
    NO_KEY("no-key"),
    /** S/MIME is off for the recipient's domain or mailbox: delivered unchanged. */
    SMIME_DISABLED("smime-disabled"),
    /** The encrypted data cannot be parsed or decrypted although a key matches. */
    CORRUPT("corrupt");

    private final String value;

    EncryptionVerdict(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public String messageKey() {
        return "encryption." + value;
    }
}
