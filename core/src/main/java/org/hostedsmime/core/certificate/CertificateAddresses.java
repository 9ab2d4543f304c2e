package org.hostedsmime.core.certificate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The email addresses a certificate is issued for (RFC 8550 §3): every {@code rfc822Name} of the subject
 * alternative name, and the legacy {@code emailAddress} attributes of the subject DN.
 *
 * <p>Matching compares both the domain and the local part case-insensitively: RFC 8550 asks receiving agents
 * to compare the domain case-insensitively, and James's own user names are case-insensitive, so two
 * addresses that deliver to the same mailbox match.</p>
 */
public final class CertificateAddresses {
    private static final int RFC822_NAME = 1;

    public static List<String> of(X509Certificate certificate) {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            Collection<List<?>> alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames != null) {
                for (List<?> name : alternativeNames) {
                    if (((Integer) name.get(0)) == RFC822_NAME) {
                        addresses.add(((String) name.get(1)).trim());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparseable SAN names no address; the subject DN may still carry one.
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(BCStyle.EmailAddress)) {
            ASN1Encodable value = rdn.getFirst().getValue();
            if (value instanceof ASN1String text) {
                addresses.add(text.getString().trim());
            }
        }
        return List.copyOf(addresses);
    }

    public static boolean covers(X509Certificate certificate, String address) {
        return of(certificate).stream().anyMatch(candidate -> sameAddress(candidate, address));
    }

    public static boolean sameAddress(String left, String right) {
        return normalize(left).equals(normalize(right));
    }

    public static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private CertificateAddresses() {
    }
}
