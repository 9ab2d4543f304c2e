package org.hostedsmime.core.trust;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Whether a certificate may be used for S/MIME (RFC 8550 §4.4): an extended key usage, when present, must
 * allow email protection; a key usage, when present, must allow signing (digitalSignature or
 * nonRepudiation) or key transport/agreement (keyEncipherment or keyAgreement).
 */
public final class KeyUsagePolicy {
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    public static boolean allowsSmime(X509Certificate certificate) {
        return allowsEmailProtection(certificate) && (canSign(certificate) || canEncryptTo(certificate));
    }

    public static boolean allowsEmailProtection(X509Certificate certificate) {
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes == null
                || purposes.contains(KeyPurposeId.id_kp_emailProtection.getId())
                || purposes.contains(KeyPurposeId.anyExtendedKeyUsage.getId());
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    public static boolean canSign(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        return usage == null || bit(usage, DIGITAL_SIGNATURE) || bit(usage, NON_REPUDIATION);
    }

    public static boolean canEncryptTo(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        return usage == null || bit(usage, KEY_ENCIPHERMENT) || bit(usage, KEY_AGREEMENT);
    }

    private static boolean bit(boolean[] usage, int index) {
        return usage.length > index && usage[index];
    }

    private KeyUsagePolicy() {
    }
}
