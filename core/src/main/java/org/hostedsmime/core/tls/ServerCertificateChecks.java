package org.hostedsmime.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostedsmime.core.crypto.KeyPairs;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.trust.AlgorithmPolicy;
import org.hostedsmime.core.trust.CertificateValidator;

/**
 * Everything checked before a certificate is served, in the order of the SSL certificate upload document, the
 * first failure refusing it: the key belongs to the certificate ({@code key-mismatch}, saying when it belongs to
 * a certificate of the chain instead); the chain reaches a root ({@code incomplete-chain}); the names cover the
 * mail host names ({@code domain-mismatch}); no MD5/SHA-1 signature ({@code sha1-signature}); no weak key
 * ({@code weak-key}); every certificate is valid now ({@code expired}, {@code not-yet-valid}); none is listed by a
 * known CRL ({@code revoked}). Warnings: a self-signed root outside the trust store, an expiry within the
 * warning period.
 *
 * <p>The self-signature of a root is not judged: nobody relies on it.</p>
 */
public class ServerCertificateChecks {
    private final TlsTrustStore trust;
    private final MailHostNames hostNames;
    private final Clock clock;
    private final Duration expiryWarning;

    public ServerCertificateChecks(TlsTrustStore trust, MailHostNames hostNames, Clock clock, Duration expiryWarning) {
        this.trust = trust;
        this.hostNames = hostNames;
        this.clock = clock;
        this.expiryWarning = expiryWarning;
    }

    public CheckedServerCertificate check(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey, List<X509CRL> crls) {
        requireMatchingKey(certificate, chain, privateKey);
        ServerCertificatePath path = ServerCertificatePath.assemble(certificate, chain, trust);
        requireHostNamesCovered(certificate);
        List<X509Certificate> judged = judged(path);
        requireStrongSignatures(judged);
        requireStrongKeys(judged);
        Instant now = clock.instant();
        requireValidAt(path.certificates(), now);
        requireNotRevoked(path.toRoot(), crls);
        return new CheckedServerCertificate(new ServerCredentials(privateKey, path.certificates()), path, warnings(path, now));
    }

    private static void requireMatchingKey(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey) {
        if (KeyPairs.belongTogether(privateKey, certificate.getPublicKey())) {
            return;
        }
        Optional<X509Certificate> owner = chain.stream()
            .filter(member -> KeyPairs.belongTogether(privateKey, member.getPublicKey()))
            .findFirst();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("certificate", subject(certificate));
        owner.ifPresent(member -> details.put("keyBelongsTo", subject(member)));
        Object hint = owner.<Object>map(member -> LocalizedText.of("problem.key-mismatch.chain-hint", subject(member))).orElse("");
        throw ServerCertificateProblem.refused(ProblemType.KEY_MISMATCH,
            "The private key does not belong to " + subject(certificate) + owner.map(member -> " but to " + subject(member)).orElse(""),
            details, hint);
    }

    private void requireHostNamesCovered(X509Certificate certificate) {
        List<String> required = hostNames.required();
        List<String> missing = HostNameCoverage.uncovered(certificate, required);
        if (!missing.isEmpty()) {
            List<String> covered = HostNameCoverage.names(certificate);
            throw ServerCertificateProblem.refused(ProblemType.DOMAIN_MISMATCH,
                "The certificate covers " + covered + " but not " + missing,
                Map.of("covered", covered, "missing", missing, "required", required),
                String.join(", ", covered), String.join(", ", missing));
        }
    }

    /** The certificates whose signature and key matter: all but a self-signed root above the server certificate. */
    private static List<X509Certificate> judged(ServerCertificatePath path) {
        List<X509Certificate> judged = new ArrayList<>(path.certificates());
        X509Certificate top = judged.get(judged.size() - 1);
        if (judged.size() > 1 && CertificateValidator.isSelfSigned(top)) {
            judged.remove(top);
        }
        return judged;
    }

    private static void requireStrongSignatures(List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            Optional<String> weakness = AlgorithmPolicy.signatureWeakness(certificate);
            if (weakness.isPresent()) {
                throw ServerCertificateProblem.refused(ProblemType.SHA1_SIGNATURE,
                    subject(certificate) + " is signed with " + weakness.get(),
                    Map.of("certificate", subject(certificate), "signatureAlgorithm", weakness.get()), weakness.get());
            }
        }
    }

    private static void requireStrongKeys(List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            Optional<String> weakness = AlgorithmPolicy.keyWeakness(certificate.getPublicKey());
            if (weakness.isPresent()) {
                throw ServerCertificateProblem.refused(ProblemType.WEAK_KEY,
                    subject(certificate) + " has a weak key: " + weakness.get(),
                    Map.of("certificate", subject(certificate), "key", weakness.get()), weakness.get());
            }
        }
    }

    private static void requireValidAt(List<X509Certificate> certificates, Instant now) {
        for (X509Certificate certificate : certificates) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            Instant notBefore = certificate.getNotBefore().toInstant();
            if (now.isAfter(notAfter)) {
                throw ServerCertificateProblem.worded(ProblemType.EXPIRED, subject(certificate) + " expired on " + notAfter,
                    Map.of("certificate", subject(certificate), "notAfter", notAfter.toString()), subject(certificate), notAfter.toString());
            }
            if (now.isBefore(notBefore)) {
                throw ServerCertificateProblem.worded(ProblemType.NOT_YET_VALID, subject(certificate) + " is valid from " + notBefore,
                    Map.of("certificate", subject(certificate), "notBefore", notBefore.toString()), subject(certificate), notBefore.toString());
            }
        }
    }

    /** A certificate is revoked when a CRL of its issuer, signed by that issuer, lists it. */
    private static void requireNotRevoked(List<X509Certificate> path, List<X509CRL> crls) {
        CertificateValidator.firstRevoked(path, crls).ifPresent(revoked -> {
            String certificate = subject(revoked.certificate());
            String crlIssuer = revoked.crl().getIssuerX500Principal().getName();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("certificate", certificate);
            details.put("crlIssuer", crlIssuer);
            details.put("revocationDate", revoked.entry().getRevocationDate().toInstant().toString());
            throw ServerCertificateProblem.worded(ProblemType.REVOKED, certificate + " is listed in the CRL of " + crlIssuer,
                details, certificate, crlIssuer);
        });
    }

    private List<ServerCertificateWarning> warnings(ServerCertificatePath path, Instant now) {
        List<ServerCertificateWarning> warnings = new ArrayList<>();
        if (path.endsInUntrustedRoot()) {
            warnings.add(ServerCertificateWarning.untrustedRoot());
        }
        expiryWarning(path.certificate(), now).ifPresent(warnings::add);
        return warnings;
    }

    /** {@code expires-soon} when the certificate ends within the warning period (whole days left). */
    public Optional<ServerCertificateWarning> expiryWarning(X509Certificate certificate, Instant now) {
        Duration left = Duration.between(now, certificate.getNotAfter().toInstant());
        if (left.isNegative() || left.compareTo(expiryWarning) > 0) {
            return Optional.empty();
        }
        return Optional.of(ServerCertificateWarning.expiresSoon(left.toDays()));
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
