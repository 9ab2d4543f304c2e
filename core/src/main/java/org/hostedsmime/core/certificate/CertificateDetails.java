package org.hostedsmime.core.certificate;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a certificate says, in the form the API shows it. Never holds anything secret. */
public record CertificateDetails(
    Fingerprint fingerprint,
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    List<String> emailAddresses,
    String keyAlgorithm,
    int keySize,
    String signatureAlgorithm,
    List<String> keyUsage,
    List<String> extendedKeyUsage) {

    private static final String[] KEY_USAGE_NAMES = {
        "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
        "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    public static CertificateDetails of(X509Certificate certificate) {
        return new CertificateDetails(
            Fingerprint.of(certificate),
            certificate.getSubjectX500Principal().getName(),
            certificate.getIssuerX500Principal().getName(),
            certificate.getSerialNumber().toString(16),
            certificate.getNotBefore().toInstant(),
            certificate.getNotAfter().toInstant(),
            CertificateAddresses.of(certificate),
            keyAlgorithm(certificate.getPublicKey()),
            keySize(certificate.getPublicKey()),
            certificate.getSigAlgName(),
            keyUsage(certificate),
            extendedKeyUsage(certificate));
    }

    public static String keyAlgorithm(PublicKey key) {
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        return algorithm.equals("ECDSA") ? "EC" : algorithm;
    }

    /** Modulus bits for RSA, field size for EC, 0 when unknown. */
    public static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }

    private static List<String> keyUsage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        List<String> names = new ArrayList<>();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGE_NAMES.length; i++) {
                if (bits[i]) {
                    names.add(KEY_USAGE_NAMES[i]);
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            if (oids == null) {
                return List.of();
            }
            return oids.stream().map(CertificateDetails::purposeName).toList();
        } catch (java.security.cert.CertificateParsingException e) {
            return List.of();
        }
    }

    private static String purposeName(String oid) {
        if (oid.equals(KeyPurposeId.id_kp_emailProtection.getId())) {
            return "emailProtection";
        }
        if (oid.equals(KeyPurposeId.id_kp_serverAuth.getId())) {
            return "serverAuth";
        }
        if (oid.equals(KeyPurposeId.id_kp_clientAuth.getId())) {
            return "clientAuth";
        }
        if (oid.equals(KeyPurposeId.anyExtendedKeyUsage.getId())) {
            return "anyExtendedKeyUsage";
        }
        return oid;
    }
}
