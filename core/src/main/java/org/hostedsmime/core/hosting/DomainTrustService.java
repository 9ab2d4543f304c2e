package org.hostedsmime.core.hosting;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.trust.AlgorithmPolicy;
import org.hostedsmime.core.trust.CertificateValidator;
import org.hostedsmime.core.trust.CrlReplacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The administrator's side: enabling S/MIME per domain and importing the organisation's trust anchors and
 * CRLs (the product documents' "admin enables S/MIME and imports organisation certificates").
 */
public class DomainTrustService {
    private static final Logger LOGGER = LoggerFactory.getLogger(DomainTrustService.class);

    private final DomainTrustStore store;
    private final MailAccounts accounts;
    private final Clock clock;

    public DomainTrustService(DomainTrustStore store, MailAccounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    public DomainSmimeView get(Domain domain) {
        requireDomain(domain);
        return new DomainSmimeView(domain.asString(),
            Mono.from(store.isEnabled(domain)).defaultIfEmpty(false).block(),
            trustAnchors(domain),
            crls(domain));
    }

    public void setEnabled(Domain domain, boolean enabled) {
        requireDomain(domain);
        Mono.from(store.setEnabled(domain, enabled)).block();
        LOGGER.info("S/MIME {} for domain {}", enabled ? "enabled" : "disabled", domain.asString());
    }

    /**
     * Adds every certificate of a PEM bundle (or one DER certificate) as a trust anchor. All or nothing: one
     * unacceptable certificate refuses the whole upload.
     */
    public List<TrustAnchorView> addTrustAnchors(Domain domain, byte[] certificates) {
        requireDomain(domain);
        List<X509Certificate> anchors = CertificateDecoder.certificates(certificates);
        anchors.forEach(this::checkAnchor);
        Flux.fromIterable(anchors).concatMap(anchor -> store.addTrustAnchor(domain, anchor)).then().block();
        LOGGER.info("Added {} trust anchor(s) to domain {}", anchors.size(), domain.asString());
        return anchors.stream().map(TrustAnchorView::of).toList();
    }

    private void checkAnchor(X509Certificate anchor) {
        Fingerprint fingerprint = Fingerprint.of(anchor);
        Map<String, Object> details = Map.of("fingerprint", fingerprint.value(), "subject", anchor.getSubjectX500Principal().getName());
        if (anchor.getBasicConstraints() < 0 && !CertificateValidator.isSelfSigned(anchor)) {
            throw new SmimeException(ProblemType.NOT_A_CA, anchor.getSubjectX500Principal() + " is not a CA certificate", details, null);
        }
        if (anchor.getNotAfter().toInstant().isBefore(clock.instant())) {
            throw new SmimeException(ProblemType.EXPIRED, "Trust anchor " + anchor.getSubjectX500Principal() + " has expired", details, null);
        }
        Optional<String> weakKey = AlgorithmPolicy.keyWeakness(anchor.getPublicKey());
        if (weakKey.isPresent()) {
            throw new SmimeException(ProblemType.WEAK_ALGORITHM, "Trust anchor key is " + weakKey.get(), details, null, weakKey.get());
        }
    }

    public List<TrustAnchorView> trustAnchors(Domain domain) {
        requireDomain(domain);
        return Flux.from(store.trustAnchors(domain)).map(TrustAnchorView::of).collectList().block();
    }

    public void removeTrustAnchor(Domain domain, Fingerprint fingerprint) {
        requireDomain(domain);
        boolean present = Flux.from(store.trustAnchors(domain)).any(anchor -> Fingerprint.of(anchor).equals(fingerprint)).block();
        if (!present) {
            throw new SmimeException(ProblemType.TRUST_ANCHOR_NOT_FOUND, "Domain " + domain.asString() + " has no trust anchor " + fingerprint,
                Map.of("fingerprint", fingerprint.value()), null, fingerprint.value());
        }
        Mono.from(store.removeTrustAnchor(domain, fingerprint)).block();
        LOGGER.info("Removed trust anchor {} from domain {}", fingerprint, domain.asString());
    }

    /**
     * Installs a CRL signed by a trust anchor or a known intermediate CA of the domain, replacing the one from
     * the same issuer unless that one is newer.
     */
    public CrlView addCrl(Domain domain, byte[] encoded) {
        requireDomain(domain);
        X509CRL crl = CertificateDecoder.crl(encoded);
        List<X509Certificate> issuers = Flux.concat(store.trustAnchors(domain), store.intermediates(domain)).collectList().block();
        boolean signedByKnownCa = issuers.stream()
            .anyMatch(issuer -> issuer.getSubjectX500Principal().equals(crl.getIssuerX500Principal())
                && CertificateValidator.isSignedBy(crl, issuer));
        if (!signedByKnownCa) {
            throw new SmimeException(ProblemType.UNTRUSTED_CRL, "No trust anchor or known intermediate of " + domain.asString()
                + " signed the CRL of " + crl.getIssuerX500Principal(), Map.of("issuer", crl.getIssuerX500Principal().getName()), null);
        }
        Optional<X509CRL> newer = CrlReplacement.newerInstalled(Flux.from(store.crls(domain)).collectList().block(), crl);
        if (newer.isPresent()) {
            throw new SmimeException(ProblemType.STALE_CRL, "The installed CRL of " + crl.getIssuerX500Principal() + " is newer",
                Map.of("issuer", crl.getIssuerX500Principal().getName(),
                    "installedThisUpdate", newer.get().getThisUpdate().toInstant().toString()), null);
        }
        Mono.from(store.saveCrl(domain, crl)).block();
        CrlView view = CrlView.of(crl);
        LOGGER.info("Installed CRL of {} ({} revoked) for domain {}", view.issuer(), view.revokedCount(), domain.asString());
        return view;
    }

    public List<CrlView> crls(Domain domain) {
        requireDomain(domain);
        return Flux.from(store.crls(domain)).map(CrlView::of).collectList().block();
    }

    private void requireDomain(Domain domain) {
        if (!accounts.domainExists(domain)) {
            throw new SmimeException(ProblemType.DOMAIN_NOT_FOUND, "James does not serve " + domain.asString(),
                Map.of("domain", domain.asString()), null, domain.asString());
        }
    }
}
