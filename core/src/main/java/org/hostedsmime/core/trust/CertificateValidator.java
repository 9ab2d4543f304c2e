package org.hostedsmime.core.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * Validates a certificate against a domain's {@link TrustMaterial} at a given time, reporting the most
 * specific reason first: a weak algorithm, then validity dates, then whether a path to a trust anchor
 * exists (PKIX, RFC 5280), then revocation by a known CRL for every certificate of that path.
 *
 * <p>Revocation is checked here rather than by the JDK's PKIX revocation checker, which insists on a CRL
 * for every certificate: a certificate is revoked when a known CRL lists it, and otherwise not known to be.</p>
 */
public class CertificateValidator {

    public ChainVerdict validate(X509Certificate leaf, List<X509Certificate> providedChain, TrustMaterial trust, Instant at) {
        Set<X509Certificate> provided = new LinkedHashSet<>();
        provided.add(leaf);
        provided.addAll(providedChain);
        List<X509Certificate> judged = provided.stream().filter(certificate -> !isSelfSigned(certificate) || certificate.equals(leaf)).toList();

        Optional<ChainVerdict> early = weakness(judged).or(() -> validity(judged, at));
        if (early.isPresent()) {
            return early.get();
        }

        Optional<List<X509Certificate>> built = pathToAnchor(leaf, provided, trust, at);
        if (built.isEmpty()) {
            return new ChainVerdict(CertificateStatus.UNTRUSTED, untrustedReason(trust), List.of());
        }
        List<X509Certificate> path = built.get();

        List<X509Certificate> beneathAnchor = path.subList(0, Math.max(1, path.size() - 1));
        return weakness(beneathAnchor)
            .or(() -> validity(beneathAnchor, at))
            .or(() -> revocation(path, trust.crls()))
            .orElse(ChainVerdict.valid(path));
    }

    /**
     * The PKIX path from {@code leaf} to one of the anchors at time {@code at} (leaf first, anchor last), using
     * the provided certificates and the domain's known intermediates; empty when there is none. Neither
     * revocation nor algorithm strength is judged here.
     */
    public static Optional<List<X509Certificate>> pathToAnchor(X509Certificate leaf, java.util.Collection<X509Certificate> provided,
                                                               TrustMaterial trust, Instant at) {
        if (trust.anchors().contains(leaf)) {
            return Optional.of(List.of(leaf));
        }
        Set<X509Certificate> candidates = new LinkedHashSet<>();
        candidates.add(leaf);
        candidates.addAll(provided);
        return buildPath(leaf, candidates, trust, at);
    }

    static String untrustedReason(TrustMaterial trust) {
        return trust.anchors().isEmpty()
            ? "no trust anchor is configured for this domain"
            : "no certificate path leads to a trust anchor of this domain (incomplete chain or unknown CA)";
    }

    /** Why one of these certificates is weak, if one is (the self-signature of a root is not judged). */
    public static Optional<String> weaknessOf(List<X509Certificate> certificates) {
        return weakness(certificates).map(ChainVerdict::reason);
    }

    private static Optional<ChainVerdict> weakness(List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            Optional<String> weakness = isSelfSigned(certificate)
                ? AlgorithmPolicy.keyWeakness(certificate.getPublicKey())
                : AlgorithmPolicy.weakness(certificate);
            if (weakness.isPresent()) {
                return Optional.of(new ChainVerdict(CertificateStatus.WEAK_ALGORITHM,
                    weakness.get() + " in " + certificate.getSubjectX500Principal().getName(), List.of()));
            }
        }
        return Optional.empty();
    }

    private static Optional<ChainVerdict> validity(List<X509Certificate> certificates, Instant at) {
        for (X509Certificate certificate : certificates) {
            try {
                certificate.checkValidity(Date.from(at));
            } catch (CertificateExpiredException e) {
                return Optional.of(new ChainVerdict(CertificateStatus.EXPIRED,
                    certificate.getSubjectX500Principal().getName() + " expired on " + certificate.getNotAfter().toInstant(), List.of()));
            } catch (CertificateNotYetValidException e) {
                return Optional.of(new ChainVerdict(CertificateStatus.NOT_YET_VALID,
                    certificate.getSubjectX500Principal().getName() + " is valid from " + certificate.getNotBefore().toInstant(), List.of()));
            }
        }
        return Optional.empty();
    }

    private static Optional<List<X509Certificate>> buildPath(X509Certificate leaf, Set<X509Certificate> provided,
                                                             TrustMaterial trust, Instant at) {
        if (trust.anchors().isEmpty()) {
            return Optional.empty();
        }
        try {
            Set<TrustAnchor> anchors = trust.anchors().stream()
                .map(anchor -> new TrustAnchor(anchor, null))
                .collect(Collectors.toSet());
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            List<X509Certificate> candidates = new ArrayList<>(provided);
            trust.intermediates().stream().filter(certificate -> !candidates.contains(certificate)).forEach(candidates::add);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));

            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(certificate -> path.add((X509Certificate) certificate));
            path.add(result.getTrustAnchor().getTrustedCert());
            return Optional.of(path);
        } catch (CertPathBuilderException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX path building is not available", e);
        }
    }

    /**
     * Whether a known CRL lists a certificate of {@code path} (each certificate followed by its issuer), without
     * building a path to an anchor: for certificates trusted earlier, such as collected ones.
     */
    public static Optional<String> revocationReason(List<X509Certificate> path, List<X509CRL> crls) {
        return revocation(path, crls).map(ChainVerdict::reason);
    }

    private static Optional<ChainVerdict> revocation(List<X509Certificate> path, List<X509CRL> crls) {
        return firstRevoked(path, crls).map(revoked -> new ChainVerdict(CertificateStatus.REVOKED,
            revoked.certificate().getSubjectX500Principal().getName() + " is listed in the CRL of "
                + revoked.crl().getIssuerX500Principal().getName(), path));
    }

    /** A certificate of a path listed by a CRL of its issuer, with the CRL and its entry. */
    public record Revocation(X509Certificate certificate, X509CRL crl, X509CRLEntry entry) {
    }

    /**
     * The first certificate of {@code path} (each certificate followed by its issuer) that a CRL lists, counting
     * only CRLs of its issuer signed by that issuer.
     */
    public static Optional<Revocation> firstRevoked(List<X509Certificate> path, List<X509CRL> crls) {
        for (int i = 0; i < path.size() - 1; i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null && isSignedBy(crl, issuer)) {
                    return Optional.of(new Revocation(certificate, crl, entry));
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isSignedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey(), CryptoProvider.BOUNCY_CASTLE);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code issuer}'s key verifies the certificate's signature. */
    public static boolean isSignedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey(), CryptoProvider.BOUNCY_CASTLE);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    public static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
            && isSignedBy(certificate, certificate);
    }
}
