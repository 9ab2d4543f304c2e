package org.hostedsmime.core.directory;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import java.util.Map;

import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.CertificateAddresses;
import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.hosting.MailAccounts;
import org.hostedsmime.core.hosting.TrustMaterials;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.tls.PemFiles;
import org.hostedsmime.core.trust.ChainVerdict;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.store.HostedCertificate;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.core.trust.CertificateStatus;
import org.hostedsmime.core.trust.CertificateValidator;
import org.hostedsmime.core.trust.KeyUsagePolicy;
import org.hostedsmime.core.trust.TrustMaterial;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public keys senders encrypt to, by address: hosted users' certificates (from the moment they are
 * imported) and the certificates collected from trustworthy signed mail or imported by an administrator.
 * The one to use for an address is the most recently issued usable one.
 */
public class KeyDirectory {
    private final HostedCertificateStore hostedCertificates;
    private final HostedCertificateService hostedCertificateService;
    private final KeyDirectoryStore store;
    private final TrustMaterials trustMaterials;
    private final MailAccounts accounts;
    private final Clock clock;
    private final CertificateValidator validator = new CertificateValidator();

    public KeyDirectory(HostedCertificateStore hostedCertificates, HostedCertificateService hostedCertificateService,
                        KeyDirectoryStore store, TrustMaterials trustMaterials, MailAccounts accounts, Clock clock) {
        this.hostedCertificates = hostedCertificates;
        this.hostedCertificateService = hostedCertificateService;
        this.store = store;
        this.trustMaterials = trustMaterials;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What the server as a whole trusts: every served domain's anchors, intermediates and CRLs, and the server-wide anchors. */
    public TrustMaterial serverTrust() {
        return trustMaterials.union(accounts.domains()).block();
    }

    /** Every certificate known for the address with its current status, as the lookup API shows them. */
    public List<DirectoryEntryView> views(String address) {
        TrustMaterial trust = serverTrust();
        Optional<RecipientCertificate> usable = usableCertificate(address, trust);
        return entries(address).stream()
            .map(entry -> view(entry, trust, usable))
            .toList();
    }

    /** The certificate (and its issuers) a business system should encrypt to, if any. */
    public Optional<DirectoryEntry> usableEntry(String address) {
        Optional<RecipientCertificate> usable = usableCertificate(address, serverTrust());
        return usable.flatMap(recipient -> entries(address).stream()
            .filter(entry -> entry.fingerprint().equals(recipient.fingerprint()))
            .findFirst());
    }

    /**
     * An administrator's import of a correspondent's public certificate (PEM or DER, optionally followed by its
     * chain): it must name an address, allow S/MIME encryption and pass the same trust checks as hosted
     * certificates against what the server trusts. Listed under each of its addresses, source {@code imported}.
     */
    public List<DirectoryEntryView> importCertificate(byte[] certificates) {
        List<X509Certificate> chain = CertificateDecoder.certificates(certificates);
        X509Certificate certificate = chain.get(0);
        Fingerprint fingerprint = Fingerprint.of(certificate);
        List<String> addresses = CertificateAddresses.of(certificate);
        Map<String, Object> details = Map.of("fingerprint", fingerprint.value(), "subject", certificate.getSubjectX500Principal().getName());
        if (addresses.isEmpty()) {
            throw SmimeException.of(ProblemType.NO_EMAIL_ADDRESS, "Certificate " + fingerprint + " names no email address", details);
        }
        if (!KeyUsagePolicy.allowsEmailProtection(certificate) || !KeyUsagePolicy.canEncryptTo(certificate)) {
            throw SmimeException.of(ProblemType.WRONG_KEY_USAGE, "Certificate " + fingerprint + " does not allow S/MIME encryption", details);
        }
        TrustMaterial trust = serverTrust();
        ChainVerdict verdict = validator.validate(certificate, chain.subList(1, chain.size()), trust, clock.instant());
        if (!verdict.isValid()) {
            Map<String, Object> refused = new java.util.LinkedHashMap<>(details);
            refused.put("reason", verdict.reason());
            throw new SmimeException(verdict.status().problem().orElseThrow(), "Certificate " + fingerprint + " refused: " + verdict.reason(),
                refused, null, verdict.reason());
        }
        Instant now = clock.instant();
        List<X509Certificate> issuers = verdict.intermediates().isEmpty() ? chain.subList(1, chain.size()) : verdict.intermediates();
        Flux.fromIterable(addresses)
            .concatMap(address -> store.save(new DirectoryEntry(address, fingerprint, certificate, issuers, CertificateSource.IMPORTED,
                SmimeCapabilities.NONE, now, now)))
            .then()
            .block();
        return addresses.stream().flatMap(address -> views(address).stream()
            .filter(view -> view.fingerprint().equals(fingerprint))).toList();
    }

    /**
     * Saves the signer certificate of a message whose signature was found {@code valid} (trusted CA path) under
     * each of its addresses, with the capabilities it announced, as {@code collected}; seeing it again updates
     * its last-seen time. Anything else is never saved, nor are this server's own hosted certificates.
     *
     * @return the addresses it was saved under
     */
    public List<String> collect(SignatureCheckSummary signature) {
        if (!signature.valid() || signature.certificate().isEmpty()) {
            return List.of();
        }
        X509Certificate certificate = signature.certificate().get();
        Fingerprint fingerprint = Fingerprint.of(certificate);
        Instant now = clock.instant();
        List<String> saved = new ArrayList<>();
        for (String address : CertificateAddresses.of(certificate)) {
            boolean hostedHere = hostedCertificatesOf(address).stream().anyMatch(hosted -> hosted.fingerprint().equals(fingerprint));
            if (!hostedHere) {
                Mono.from(store.save(new DirectoryEntry(address, fingerprint, certificate, signature.issuers(), CertificateSource.COLLECTED,
                    signature.capabilities(), now, now))).block();
                saved.add(address);
            }
        }
        return saved;
    }

    /** What collection needs to know of a checked signature. */
    public record SignatureCheckSummary(boolean valid, Optional<X509Certificate> certificate, List<X509Certificate> issuers,
                                        SmimeCapabilities capabilities) {
    }

    /** Removes a collected or imported certificate; hosted ones are deleted through their user. */
    public void delete(String address, Fingerprint fingerprint) {
        List<DirectoryEntry> entries = entries(address);
        DirectoryEntry entry = entries.stream().filter(candidate -> candidate.fingerprint().equals(fingerprint)).findFirst()
            .orElseThrow(() -> new SmimeException(ProblemType.CERTIFICATE_NOT_FOUND, "No certificate " + fingerprint + " for " + address,
                Map.of("address", address, "fingerprint", fingerprint.value()), null, fingerprint.value()));
        if (entry.source() == CertificateSource.HOSTED) {
            throw SmimeException.of(ProblemType.HOSTED_CERTIFICATE, fingerprint + " is hosted for " + address,
                Map.of("address", address, "fingerprint", fingerprint.value()));
        }
        Mono.from(store.delete(address, fingerprint)).block();
    }

    private DirectoryEntryView view(DirectoryEntry entry, TrustMaterial trust, Optional<RecipientCertificate> usable) {
        boolean isUsable = usable.map(recipient -> recipient.fingerprint().equals(entry.fingerprint())).orElse(false);
        return new DirectoryEntryView(entry.fingerprint(), entry.certificate().getSubjectX500Principal().getName(),
            entry.certificate().getNotAfter().toInstant(), entry.source(), entry.capabilities().algorithmNames(), status(entry, trust),
            isUsable, entry.firstSeen(), entry.lastSeen(), PemFiles.toPem(List.of(entry.certificate())));
    }

    private String status(DirectoryEntry entry, TrustMaterial trust) {
        if (entry.source() == CertificateSource.HOSTED) {
            return hostedCertificatesOf(entry.address()).stream()
                .filter(hosted -> hosted.fingerprint().equals(entry.fingerprint()))
                .findFirst()
                .map(hosted -> hostedCertificateService.verdict(hosted, hostedCertificateService.trustOf(hosted.owner())).status().value())
                .orElse(CertificateStatus.UNTRUSTED.value());
        }
        try {
            entry.certificate().checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            return CertificateStatus.EXPIRED.value();
        } catch (CertificateNotYetValidException e) {
            return CertificateStatus.NOT_YET_VALID.value();
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(entry.certificate());
        path.addAll(entry.issuers());
        return CertificateValidator.revocationReason(path, trust.crls()).isPresent()
            ? CertificateStatus.REVOKED.value()
            : CertificateStatus.VALID.value();
    }

    /** Every certificate known for the address, hosted ones first. */
    public List<DirectoryEntry> entries(String address) {
        return Stream.concat(hosted(address).stream(), Flux.from(store.entries(address)).collectList().block().stream())
            .toList();
    }

    /**
     * The certificate to encrypt to for {@code address}, if one is usable now: within its validity dates,
     * allowing key transport or agreement for email protection, not revoked by a CRL of {@code crlSource},
     * and, for hosted certificates, valid for their own domain. The most recently issued wins.
     */
    public Optional<RecipientCertificate> usableCertificate(String address, TrustMaterial crlSource) {
        List<RecipientCertificate> usable = new ArrayList<>();
        for (HostedCertificate hosted : hostedCertificatesOf(address)) {
            X509Certificate certificate = hosted.certificate();
            if (KeyUsagePolicy.canEncryptTo(certificate) && KeyUsagePolicy.allowsEmailProtection(certificate)
                && hostedCertificateService.verdict(hosted, hostedCertificateService.trustOf(hosted.owner())).status() == CertificateStatus.VALID) {
                usable.add(new RecipientCertificate(address, certificate, CertificateSource.HOSTED, SmimeCapabilities.ofThisServer()));
            }
        }
        for (DirectoryEntry entry : Flux.from(store.entries(address)).collectList().block()) {
            if (isUsable(entry, crlSource)) {
                usable.add(new RecipientCertificate(address, entry.certificate(), entry.source(), entry.capabilities()));
            }
        }
        return usable.stream().max(Comparator.comparing(recipient -> recipient.certificate().getNotBefore()));
    }

    public Instant now() {
        return clock.instant();
    }

    private boolean isUsable(DirectoryEntry entry, TrustMaterial crlSource) {
        X509Certificate certificate = entry.certificate();
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
        if (!KeyUsagePolicy.canEncryptTo(certificate) || !KeyUsagePolicy.allowsEmailProtection(certificate)) {
            return false;
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(certificate);
        path.addAll(entry.issuers());
        return CertificateValidator.revocationReason(path, crlSource.crls()).isEmpty();
    }

    private List<HostedCertificate> hostedCertificatesOf(String address) {
        Username user;
        try {
            user = Username.of(address);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return Flux.from(hostedCertificates.list(user)).collectList().block().stream()
            .filter(hosted -> CertificateAddresses.covers(hosted.certificate(), address))
            .toList();
    }

    private List<DirectoryEntry> hosted(String address) {
        return hostedCertificatesOf(address).stream()
            .map(hosted -> new DirectoryEntry(address, hosted.fingerprint(), hosted.certificate(), hosted.issuers(),
                CertificateSource.HOSTED, SmimeCapabilities.ofThisServer(), hosted.importedAt(), hosted.importedAt()))
            .toList();
    }
}
