package org.hostedsmime.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.crypto.KeyPairs;
import org.hostedsmime.core.hosting.CrlView;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.trust.CrlReplacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Server TLS certificate management: check an upload, switch every TLS server to it at once, keep what was
 * served before for a rollback, complete a certificate signing request whose key never left the server, and
 * know the CRLs that revoke server certificates.
 *
 * <p>An upload without a private key is completed with the key of the pending certificate signing request,
 * or with the key served now (a certificate renewed for the same key). Switching is serialised: two uploads
 * never interleave. A rollback switches back to the previous certificate without checking it again (it was
 * checked when it was uploaded, or is the generated self-signed one), and the certificate it replaces becomes
 * the previous one, so a second rollback goes forward again.</p>
 */
public class ServerCertificateService {
    private static final Logger LOGGER = LoggerFactory.getLogger(ServerCertificateService.class);

    private final TlsServers servers;
    private final ServerCertificateStore store;
    private final ServerCertificateChecks checks;
    private final Clock clock;

    public ServerCertificateService(TlsServers servers, ServerCertificateStore store, ServerCertificateChecks checks, Clock clock) {
        this.servers = servers;
        this.store = store;
        this.checks = checks;
        this.clock = clock;
    }

    /** The certificate the servers present now, where, and since when. */
    public ServerCertificateView current() {
        AppliedServerCertificate served = served();
        return ServerCertificateView.of(served.credentials(), servers.endpoints(), served.appliedAt(),
            checks.expiryWarning(served.credentials().leaf(), clock.instant()).stream().toList());
    }

    /** The certificate a rollback would switch to. */
    public ServerCertificateView previous() {
        AppliedServerCertificate previous = requirePrevious(ProblemType.PREVIOUS_CERTIFICATE_NOT_FOUND);
        return ServerCertificateView.of(previous.credentials(), List.of(), previous.appliedAt(), List.of());
    }

    /** Every check of {@link #apply}, nothing applied. */
    public ServerCertificateView validate(ServerCertificateUpload upload) {
        CheckedServerCertificate checked = check(upload).checked();
        return ServerCertificateView.of(checked.credentials(), List.of(), Optional.empty(), checked.warnings());
    }

    public synchronized ServerCertificateView apply(ServerCertificateUpload upload) {
        CheckedUpload result = check(upload);
        CheckedServerCertificate checked = result.checked();
        Instant appliedAt = switchTo(checked.credentials());
        if (result.completesPendingRequest()) {
            Mono.from(store.deletePendingRequest()).block();
        }
        LOGGER.info("Server TLS certificate {} ({}) applied to {}", Fingerprint.of(checked.credentials().leaf()),
            checked.credentials().leaf().getSubjectX500Principal().getName(), servers.endpoints());
        return ServerCertificateView.of(checked.credentials(), servers.endpoints(), Optional.of(appliedAt), checked.warnings());
    }

    public synchronized ServerCertificateView rollback() {
        AppliedServerCertificate previous = requirePrevious(ProblemType.NO_PREVIOUS_CERTIFICATE);
        Instant appliedAt = switchTo(previous.credentials());
        LOGGER.info("Server TLS certificate rolled back to {} ({})", Fingerprint.of(previous.credentials().leaf()),
            previous.credentials().leaf().getSubjectX500Principal().getName());
        return ServerCertificateView.of(previous.credentials(), servers.endpoints(), Optional.of(appliedAt),
            checks.expiryWarning(previous.credentials().leaf(), appliedAt).stream().toList());
    }

    /**
     * Serves the certificate the store keeps as current when the servers present another one, without saving
     * anything: with a {@link ServerCertificateStore#shared() shared} store, another server applied it (or rolled
     * back to it), or this one missed it while stopped. With a store of this server's own it does nothing, so
     * files replaced by hand stay served. Called at start and then periodically.
     *
     * @return whether the servers were switched
     */
    public synchronized boolean serveStoredCurrent() {
        if (!store.shared()) {
            return false;
        }
        Optional<AppliedServerCertificate> stored = Mono.from(store.current()).blockOptional();
        if (stored.isEmpty() || isServed(stored.get().credentials())) {
            return false;
        }
        ServerCredentials next = stored.get().credentials();
        servers.serve(next);
        LOGGER.info("Server TLS certificate {} ({}) applied {} through the shared store now served by {}", Fingerprint.of(next.leaf()),
            next.leaf().getSubjectX500Principal().getName(), stored.get().appliedAt().map(Instant::toString).orElse("without a date"),
            servers.endpoints());
        return true;
    }

    /** Whether the servers present this chain with its key; unreadable files present nothing. */
    private boolean isServed(ServerCredentials credentials) {
        try {
            ServerCredentials served = servers.served();
            return served.chain().equals(credentials.chain()) && KeyPairs.belongTogether(served.privateKey(), served.leaf().getPublicKey());
        } catch (RuntimeException e) {
            LOGGER.warn("What the servers present now cannot be read: {}", e.getMessage());
            return false;
        }
    }

    /**
     * A new key pair and a certificate signing request for it; the key is kept as the pending request's (replacing
     * an earlier one) until the CA's certificate is uploaded.
     */
    public synchronized PendingCertificateRequest requestCertificate(String commonName, List<String> subjectAltNames, Optional<String> keyType) {
        CsrKeyType type = keyType.map(value -> CsrKeyType.parse(value).orElseThrow(() -> {
            String message = "'keyType' must be RSA-3072 or EC-P256";
            return ServerCertificateProblem.refused(ProblemType.INVALID_ARGUMENT, message, Map.of("field", "keyType"), message);
        })).orElse(CsrKeyType.DEFAULT);
        PendingCertificateRequest request = CertificateSigningRequests.create(commonName, subjectAltNames, type, clock.instant());
        Mono.from(store.savePendingRequest(request)).block();
        LOGGER.info("Certificate signing request created: {}", request);
        return request;
    }

    public CrlView addCrl(byte[] input) {
        X509CRL crl;
        try {
            crl = CertificateDecoder.crl(input);
        } catch (SmimeException e) {
            throw ServerCertificateProblem.corrupt("crl", e.getMessage());
        }
        Optional<X509CRL> newer = CrlReplacement.newerInstalled(crlsList(), crl);
        if (newer.isPresent()) {
            throw ServerCertificateProblem.refused(ProblemType.STALE_CRL, "A newer CRL of " + crl.getIssuerX500Principal().getName() + " is installed",
                Map.of("issuer", crl.getIssuerX500Principal().getName(), "installedThisUpdate", newer.get().getThisUpdate().toInstant().toString()));
        }
        Mono.from(store.saveCrl(crl)).block();
        LOGGER.info("CRL of {} installed for server certificate checks", crl.getIssuerX500Principal().getName());
        return CrlView.of(crl);
    }

    public List<CrlView> crls() {
        return crlsList().stream().map(CrlView::of).toList();
    }

    private List<X509CRL> crlsList() {
        return Flux.from(store.crls()).collectList().block();
    }

    private record CheckedUpload(CheckedServerCertificate checked, boolean completesPendingRequest) {
    }

    private CheckedUpload check(ServerCertificateUpload upload) {
        UploadedServerCertificate uploaded = UploadedServerCertificate.decode(upload);
        Optional<PendingCertificateRequest> pending = Mono.from(store.pendingRequest()).blockOptional();
        PrivateKey key = uploaded.privateKey().orElseGet(() -> keyOnTheServer(uploaded, pending));
        CheckedServerCertificate checked = checks.check(uploaded.certificate(), uploaded.chain(), key, crlsList());
        boolean completesPendingRequest = uploaded.privateKey().isEmpty() && pending.map(request -> request.privateKey().equals(key)).orElse(false);
        return new CheckedUpload(checked, completesPendingRequest);
    }

    /**
     * The key kept on the server that belongs to the certificate: the pending request's, or the one served now.
     * When none does, the one that belongs to a certificate of the chain (for the swap hint), else {@code no-private-key}.
     */
    private PrivateKey keyOnTheServer(UploadedServerCertificate uploaded, Optional<PendingCertificateRequest> pending) {
        List<PrivateKey> candidates = new ArrayList<>();
        pending.ifPresent(request -> candidates.add(request.privateKey()));
        servedKey().ifPresent(candidates::add);
        List<X509Certificate> chain = uploaded.chain();
        return candidates.stream()
            .filter(candidate -> KeyPairs.belongTogether(candidate, uploaded.certificate().getPublicKey()))
            .findFirst()
            .or(() -> candidates.stream()
                .filter(candidate -> chain.stream().anyMatch(member -> KeyPairs.belongTogether(candidate, member.getPublicKey())))
                .findFirst())
            .orElseThrow(() -> ServerCertificateProblem.worded(ProblemType.NO_PRIVATE_KEY,
                "No private key uploaded, and no key kept on the server belongs to " + uploaded.certificate().getSubjectX500Principal().getName(),
                Map.of("field", UploadedServerCertificate.PRIVATE_KEY_FIELD)));
    }

    private Optional<PrivateKey> servedKey() {
        try {
            return Optional.of(servers.served().privateKey());
        } catch (RuntimeException e) {
            LOGGER.warn("The served private key cannot be read: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Switches the servers, then remembers what they served before; returns when. */
    private Instant switchTo(ServerCredentials next) {
        Optional<AppliedServerCertificate> before = servedIfReadable();
        servers.serve(next);
        Instant now = clock.instant();
        before.ifPresent(served -> Mono.from(store.savePrevious(served)).block());
        Mono.from(store.saveCurrent(AppliedServerCertificate.at(next, now))).block();
        return now;
    }

    private Optional<AppliedServerCertificate> servedIfReadable() {
        try {
            return Optional.of(served());
        } catch (RuntimeException e) {
            LOGGER.warn("What the servers present now cannot be read, so it cannot be kept for a rollback: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** What the servers present, with the time it was applied when the store knows it. */
    private AppliedServerCertificate served() {
        ServerCredentials served = servers.served();
        Optional<AppliedServerCertificate> current = Mono.from(store.current()).blockOptional()
            .filter(applied -> applied.credentials().leaf().equals(served.leaf()));
        return new AppliedServerCertificate(served, current.flatMap(AppliedServerCertificate::appliedAt));
    }

    private AppliedServerCertificate requirePrevious(ProblemType absent) {
        return Mono.from(store.previous()).blockOptional()
            .orElseThrow(() -> ServerCertificateProblem.refused(absent, "No previous server certificate is kept", Map.of()));
    }
}
