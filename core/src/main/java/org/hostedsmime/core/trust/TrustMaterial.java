package org.hostedsmime.core.trust;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a domain trusts: its trust anchors (plus the server-wide store when enabled), intermediate CA
 * certificates learned from imported chains, and the CRLs uploaded for it.
 */
public record TrustMaterial(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
    public static final TrustMaterial EMPTY = new TrustMaterial(List.of(), List.of(), List.of());

    public TrustMaterial {
        anchors = List.copyOf(anchors);
        intermediates = List.copyOf(intermediates);
        crls = List.copyOf(crls);
    }

    public TrustMaterial merge(TrustMaterial other) {
        return new TrustMaterial(distinct(anchors, other.anchors), distinct(intermediates, other.intermediates), distinct(crls, other.crls));
    }

    private static <T> List<T> distinct(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        second.stream().filter(item -> !all.contains(item)).forEach(all::add);
        return all;
    }

    public TrustMaterial withExtraAnchors(List<X509Certificate> extraAnchors) {
        if (extraAnchors.isEmpty()) {
            return this;
        }
        List<X509Certificate> all = new ArrayList<>(anchors);
        extraAnchors.stream().filter(anchor -> !all.contains(anchor)).forEach(all::add);
        return new TrustMaterial(all, intermediates, crls);
    }
}
