package org.hostedsmime.core.tls;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.trust.CertificateValidator;

/**
 * The chain a server presents, put in order: the server certificate, then each issuer taken from the
 * uploaded chain (its subject names the issuer, its key verifies the signature, it is a CA), until a trusted
 * root issues the last one, or the last one is a self-signed root the trust store does not hold. Certificates
 * of the upload that are not on this path are left out. The path breaking before either is an
 * {@code incomplete-chain}, naming the issuer that is missing.
 *
 * @param certificates what the server sends, server certificate first (an untrusted self-signed root last)
 * @param trustAnchor the trusted root the path reaches; empty when it ends in an untrusted self-signed root
 */
public record ServerCertificatePath(List<X509Certificate> certificates, Optional<X509Certificate> trustAnchor) {
    private static final int MAXIMUM_LENGTH = 10;

    public ServerCertificatePath {
        certificates = List.copyOf(certificates);
    }

    public static ServerCertificatePath assemble(X509Certificate certificate, List<X509Certificate> chain, TlsTrustStore trust) {
        Set<X509Certificate> unused = new LinkedHashSet<>(chain);
        unused.remove(certificate);
        List<X509Certificate> path = new ArrayList<>(List.of(certificate));
        X509Certificate current = certificate;
        while (path.size() <= MAXIMUM_LENGTH) {
            if (trust.contains(current)) {
                return new ServerCertificatePath(path, Optional.of(current));
            }
            Optional<X509Certificate> trustedIssuer = trust.issuerOf(current);
            if (trustedIssuer.isPresent()) {
                return new ServerCertificatePath(path, trustedIssuer);
            }
            if (CertificateValidator.isSelfSigned(current)) {
                return new ServerCertificatePath(path, Optional.empty());
            }
            X509Certificate issued = current;
            Optional<X509Certificate> issuer = unused.stream()
                .filter(candidate -> candidate.getSubjectX500Principal().equals(issued.getIssuerX500Principal()))
                .filter(candidate -> candidate.getBasicConstraints() >= 0 || CertificateValidator.isSelfSigned(candidate))
                .filter(candidate -> CertificateValidator.isSignedBy(issued, candidate))
                .findFirst();
            if (issuer.isEmpty()) {
                throw incomplete(issued);
            }
            unused.remove(issuer.get());
            path.add(issuer.get());
            current = issuer.get();
        }
        throw incomplete(current);
    }

    private static ServerCertificateProblem incomplete(X509Certificate issued) {
        String issuer = issued.getIssuerX500Principal().getName();
        return ServerCertificateProblem.refused(ProblemType.INCOMPLETE_CHAIN,
            "No issuer " + issuer + " of " + issued.getSubjectX500Principal().getName() + " in the chain or the trust store",
            Map.of("issuer", issuer, "certificate", issued.getSubjectX500Principal().getName()), issuer);
    }

    public X509Certificate certificate() {
        return certificates.get(0);
    }

    /** The certificates after the server certificate, e.g. the intermediate. */
    public List<X509Certificate> issuers() {
        return certificates.subList(1, certificates.size());
    }

    /** The path up to and including the root, trusted or not: what revocation is checked along. */
    public List<X509Certificate> toRoot() {
        List<X509Certificate> all = new ArrayList<>(certificates);
        trustAnchor.filter(anchor -> !all.contains(anchor)).ifPresent(all::add);
        return all;
    }

    public boolean endsInUntrustedRoot() {
        return trustAnchor.isEmpty();
    }
}
