package org.hostedsmime.core.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Which host names a server certificate is valid for, as TLS clients decide it (RFC 6125): the DNS names of
 * its subject alternative name, or its subject CN when it has none. A wildcard covers exactly one leftmost
 * label: {@code *.example.com} covers {@code mail.example.com}, but neither {@code example.com} nor
 * {@code a.b.example.com}. Comparison ignores case and a trailing dot.
 */
public final class HostNameCoverage {
    private static final int DNS_NAME = 2;

    public static List<String> dnsNames(X509Certificate certificate) {
        try {
            Collection<List<?>> alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames == null) {
                return List.of();
            }
            return alternativeNames.stream()
                .filter(name -> name.size() >= 2 && Integer.valueOf(DNS_NAME).equals(name.get(0)))
                .map(name -> String.valueOf(name.get(1)))
                .toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** The names clients match: the DNS names, or the CN when there is no DNS name. */
    public static List<String> names(X509Certificate certificate) {
        List<String> dnsNames = dnsNames(certificate);
        if (!dnsNames.isEmpty()) {
            return dnsNames;
        }
        RDN[] commonNames = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        List<String> names = new ArrayList<>();
        for (RDN commonName : commonNames) {
            names.add(IETFUtils.valueToString(commonName.getFirst().getValue()));
        }
        return names;
    }

    /** The host names of {@code required} that no name of the certificate covers. */
    public static List<String> uncovered(X509Certificate certificate, List<String> required) {
        List<String> names = names(certificate);
        return required.stream()
            .filter(host -> names.stream().noneMatch(name -> covers(name, host)))
            .toList();
    }

    public static boolean covers(String certificateName, String host) {
        String name = normalised(certificateName);
        String hostName = normalised(host);
        if (!name.startsWith("*.")) {
            return name.equals(hostName);
        }
        String parent = name.substring(1);
        if (!hostName.endsWith(parent)) {
            return false;
        }
        String label = hostName.substring(0, hostName.length() - parent.length());
        return !label.isEmpty() && !label.contains(".");
    }

    private static String normalised(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private HostNameCoverage() {
    }
}
