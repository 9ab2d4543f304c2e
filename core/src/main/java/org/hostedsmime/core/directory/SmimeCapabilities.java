package org.hostedsmime.core.directory;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMECapability;

/**
 * The algorithms a correspondent says it supports (the SMIMECapabilities signed attribute, RFC 8551 §2.5.2),
 * in its order of preference. Kept as the DER of the attribute value so nothing is lost.
 */
public final class SmimeCapabilities {
    public static final SmimeCapabilities NONE = new SmimeCapabilities(new DERSequence());

    private final ASN1Sequence capabilities;

    private SmimeCapabilities(ASN1Sequence capabilities) {
        this.capabilities = capabilities;
    }

    public static SmimeCapabilities of(ASN1Sequence capabilities) {
        return new SmimeCapabilities(capabilities);
    }

    public static SmimeCapabilities fromDer(byte[] der) {
        if (der == null || der.length == 0) {
            return NONE;
        }
        try {
            return new SmimeCapabilities(ASN1Sequence.getInstance(der));
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /** What this server supports, in preference order: announced in signatures and assumed for hosted users. */
    public static SmimeCapabilities ofThisServer() {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        for (ASN1ObjectIdentifier algorithm : List.of(NISTObjectIdentifiers.id_aes256_GCM, NISTObjectIdentifiers.id_aes128_GCM,
            NISTObjectIdentifiers.id_aes256_CBC, NISTObjectIdentifiers.id_aes192_CBC, NISTObjectIdentifiers.id_aes128_CBC,
            PKCSObjectIdentifiers.id_RSAES_OAEP)) {
            vector.add(new SMIMECapability(algorithm, null));
        }
        return new SmimeCapabilities(new DERSequence(vector));
    }

    public ASN1Sequence asSequence() {
        return capabilities;
    }

    public byte[] toDer() {
        try {
            return capabilities.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> algorithmOids() {
        return Arrays.stream(capabilities.toArray())
            .map(SmimeCapabilities::algorithmOf)
            .filter(Objects::nonNull)
            .map(ASN1ObjectIdentifier::getId)
            .toList();
    }

    /** Readable names of the announced algorithms (the OID when unknown), for the API. */
    public List<String> algorithmNames() {
        return algorithmOids().stream().map(SmimeCapabilities::nameOf).toList();
    }

    private static String nameOf(String oid) {
        return switch (oid) {
            case "2.16.840.1.101.3.4.1.46" -> "AES-256-GCM";
            case "2.16.840.1.101.3.4.1.6" -> "AES-128-GCM";
            case "2.16.840.1.101.3.4.1.42" -> "AES-256-CBC";
            case "2.16.840.1.101.3.4.1.22" -> "AES-192-CBC";
            case "2.16.840.1.101.3.4.1.2" -> "AES-128-CBC";
            case "1.2.840.113549.3.7" -> "DES-EDE3-CBC";
            case "1.2.840.113549.1.1.7" -> "RSAES-OAEP";
            case "1.2.840.113549.1.1.10" -> "RSASSA-PSS";
            default -> oid;
        };
    }

    public boolean supports(ASN1ObjectIdentifier algorithm) {
        return algorithmOids().contains(algorithm.getId());
    }

    public boolean supportsAes256Gcm() {
        return supports(NISTObjectIdentifiers.id_aes256_GCM);
    }

    public boolean supportsRsaOaep() {
        return supports(PKCSObjectIdentifiers.id_RSAES_OAEP);
    }

    private static ASN1ObjectIdentifier algorithmOf(ASN1Encodable capability) {
        try {
            return SMIMECapability.getInstance(capability).getCapabilityID();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmimeCapabilities that && Arrays.equals(toDer(), that.toDer());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toDer());
    }

    @Override
    public String toString() {
        return "SmimeCapabilities" + algorithmOids();
    }
}
