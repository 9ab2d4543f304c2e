package org.hostedsmime.core.hosting;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.CertificateAddresses;
import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.certificate.Pkcs12Reader;
import org.hostedsmime.core.cms.SigningIdentity;
import org.hostedsmime.core.keys.PrivateKeyEncryption;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.store.HostedCertificate;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.core.tls.PemFiles;
import org.hostedsmime.core.trust.CertificateValidator;
import org.hostedsmime.core.trust.ChainVerdict;
import org.hostedsmime.core.trust.KeyUsagePolicy;
import org.hostedsmime.core.trust.TrustMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users' hosted certificates: import of a PKCS#12 file with every check the product promises, listing with
 * a status recomputed from today's trust material, deletion, and the default-certificate rules.
 *
 * <p>Checks run in the order users meet them in the product documents: the file itself (format, password,
 * private key), then duplicate, address, limit, key usage, then the certificate's standing (algorithms,
 * validity, trust, revocation). The first failing one is reported.</p>
 */
public class HostedCertificateService {
    private static final Logger LOGGER = LoggerFactory.getLogger(HostedCertificateService.class);
    public static final int DEFAULT_LIMIT = 30;

    private final HostedCertificateStore certificates;
    private final DomainTrustStore domains;
    private final TrustMaterials trustMaterials;
    private final MailAccounts accounts;
    private final PrivateKeyEncryption keyEncryption;
    private final Clock clock;
    private final int limit;
    private final Pkcs12Reader reader = new Pkcs12Reader();
    private final CertificateValidator validator = new CertificateValidator();

    public HostedCertificateService(HostedCertificateStore certificates, DomainTrustStore domains, TrustMaterials trustMaterials,
                                    MailAccounts accounts, PrivateKeyEncryption keyEncryption, Clock clock, int limit) {
        this.certificates = certificates;
        this.domains = domains;
        this.trustMaterials = trustMaterials;
        this.accounts = accounts;
        this.keyEncryption = keyEncryption;
        this.clock = clock;
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public HostedCertificateView importPkcs12(Username user, byte[] pkcs12, char[] password) {
        Domain domain = requireEnabledDomain(user);
        Pkcs12Reader.Contents contents = reader.read(pkcs12, password);
        X509Certificate certificate = contents.certificate();
        Fingerprint fingerprint = Fingerprint.of(certificate);
        CertificateDetails details = CertificateDetails.of(certificate);

        List<HostedCertificate> existing = stored(user);
        if (existing.stream().anyMatch(hosted -> hosted.fingerprint().equals(fingerprint))) {
            throw problem(ProblemType.DUPLICATE, "Certificate " + fingerprint + " is already hosted for " + user.asString(), details);
        }
        if (!CertificateAddresses.covers(certificate, user.asString())) {
            throw new SmimeException(ProblemType.ADDRESS_MISMATCH, "Certificate " + fingerprint + " names " + details.emailAddresses()
                + ", not " + user.asString(), detailsMap(details), null, user.asString());
        }
        if (existing.size() >= limit) {
            throw new SmimeException(ProblemType.LIMIT_REACHED, user.asString() + " already hosts " + existing.size() + " certificates",
                Map.of("limit", limit, "count", existing.size()), null, limit);
        }
        if (!KeyUsagePolicy.allowsSmime(certificate)) {
            throw problem(ProblemType.WRONG_KEY_USAGE, "Key usage " + details.keyUsage() + " / extended key usage "
                + details.extendedKeyUsage() + " of " + fingerprint + " do not allow S/MIME", details);
        }
        TrustMaterial trust = trustMaterials.forDomain(domain).block();
        ChainVerdict verdict = validator.validate(certificate, contents.chain(), trust, clock.instant());
        if (!verdict.isValid()) {
            ProblemType type = verdict.status().problem().orElseThrow();
            Map<String, Object> problemDetails = detailsMap(details);
            problemDetails.put("reason", verdict.reason());
            throw new SmimeException(type, "Certificate " + fingerprint + " for " + user.asString() + " refused: " + verdict.reason(),
                problemDetails, null, verdict.reason());
        }

        HostedCertificate hosted = new HostedCertificate(user, fingerprint, chainOf(contents),
            keyEncryption.encrypt(user, fingerprint, contents.privateKey()), clock.instant());
        Mono.from(certificates.save(hosted)).block();
        Flux.fromIterable(verdict.intermediates())
            .concatMap(intermediate -> domains.addIntermediate(domain, intermediate))
            .then()
            .block();
        boolean isDefault = Mono.from(certificates.retrieveDefault(user)).blockOptional().isEmpty();
        if (isDefault) {
            Mono.from(certificates.setDefault(user, fingerprint)).block();
        }
        LOGGER.info("Imported certificate {} ({}) for {}{}", fingerprint, details.subject(), user.asString(), isDefault ? " as default" : "");
        return view(hosted, verdict, isDefault);
    }

    public List<HostedCertificateView> list(Username user) {
        requireUser(user);
        Optional<Fingerprint> defaultFingerprint = defaultFingerprint(user);
        TrustMaterial trust = trustOf(user);
        return stored(user).stream()
            .map(hosted -> view(hosted, verdict(hosted, trust), defaultFingerprint.map(hosted.fingerprint()::equals).orElse(false)))
            .toList();
    }

    public HostedCertificateView get(Username user, Fingerprint fingerprint) {
        requireUser(user);
        HostedCertificate hosted = require(user, fingerprint);
        boolean isDefault = defaultFingerprint(user).map(fingerprint::equals).orElse(false);
        return view(hosted, verdict(hosted, trustOf(user)), isDefault);
    }

    /**
     * Deletes the certificate and its private key: mail encrypted to it can no longer be decrypted. When it was
     * the default, the most recently issued remaining valid certificate becomes the default, if any.
     */
    public void delete(Username user, Fingerprint fingerprint) {
        requireUser(user);
        require(user, fingerprint);
        boolean wasDefault = defaultFingerprint(user).map(fingerprint::equals).orElse(false);
        Mono.from(certificates.delete(user, fingerprint)).block();
        LOGGER.info("Deleted certificate {} and its private key for {}", fingerprint, user.asString());
        if (wasDefault) {
            TrustMaterial trust = trustOf(user);
            stored(user).stream()
                .filter(hosted -> verdict(hosted, trust).isValid())
                .max(Comparator.comparing((HostedCertificate hosted) -> hosted.certificate().getNotBefore())
                    .thenComparing(HostedCertificate::importedAt))
                .ifPresent(next -> {
                    Mono.from(certificates.setDefault(user, next.fingerprint())).block();
                    LOGGER.info("Certificate {} is now the default of {}", next.fingerprint(), user.asString());
                });
        }
    }

    public void makeDefault(Username user, Fingerprint fingerprint) {
        requireUser(user);
        HostedCertificate hosted = require(user, fingerprint);
        ChainVerdict verdict = verdict(hosted, trustOf(user));
        if (!verdict.isValid()) {
            throw new SmimeException(ProblemType.CERTIFICATE_NOT_USABLE, "Certificate " + fingerprint + " is " + verdict.status().value()
                + ": " + verdict.reason(), Map.of("status", verdict.status().value(), "reason", verdict.reason()), null,
                verdict.status().value());
        }
        Mono.from(certificates.setDefault(user, fingerprint)).block();
    }

    /** The user's default certificate when it is usable now (valid, trusted, not revoked). */
    public Optional<HostedCertificate> usableDefault(Username user) {
        return defaultFingerprint(user)
            .flatMap(fingerprint -> Mono.from(certificates.retrieve(user, fingerprint)).blockOptional())
            .filter(hosted -> verdict(hosted, trustOf(user)).isValid());
    }

    /**
     * What the user signs with: the default certificate and its decrypted private key, when the default is
     * usable now. Otherwise the reason: {@code no-certificate} or the default's status ({@code expired},
     * {@code revoked}, {@code untrusted}...).
     */
    public SigningIdentityLookup signingIdentity(Username user) {
        Optional<HostedCertificate> defaultCertificate = Mono.from(certificates.retrieveDefaultCertificate(user)).blockOptional();
        if (defaultCertificate.isEmpty()) {
            return SigningIdentityLookup.refused("no-certificate");
        }
        HostedCertificate hosted = defaultCertificate.get();
        ChainVerdict verdict = verdict(hosted, trustOf(user));
        if (!verdict.isValid()) {
            return SigningIdentityLookup.refused(verdict.status().value());
        }
        return SigningIdentityLookup.found(new SigningIdentity(privateKey(hosted), hosted.certificate(), hosted.issuers()));
    }

    /** The outcome of {@link #signingIdentity}. */
    public record SigningIdentityLookup(Optional<SigningIdentity> identity, String problem) {
        static SigningIdentityLookup found(SigningIdentity identity) {
            return new SigningIdentityLookup(Optional.of(identity), "");
        }

        static SigningIdentityLookup refused(String problem) {
            return new SigningIdentityLookup(Optional.empty(), problem);
        }
    }

    /** Every certificate the user ever hosted and still hosts, current and older (key history), newest first. */
    public List<HostedCertificate> keyHistory(Username user) {
        return stored(user).stream()
            .sorted(Comparator.comparing(HostedCertificate::importedAt).reversed())
            .toList();
    }

    /** Decrypts the stored private key of a hosted certificate. Never log or keep it longer than needed. */
    public PrivateKey privateKey(HostedCertificate hosted) {
        return keyEncryption.decrypt(hosted.owner(), hosted.fingerprint(), hosted.encryptedKey());
    }

    public ChainVerdict verdict(HostedCertificate hosted, TrustMaterial trust) {
        return validator.validate(hosted.certificate(), hosted.issuers(), trust, clock.instant());
    }

    public TrustMaterial trustOf(Username user) {
        return user.getDomainPart()
            .map(domain -> trustMaterials.forDomain(domain).block())
            .orElse(TrustMaterial.EMPTY);
    }

    private Optional<Fingerprint> defaultFingerprint(Username user) {
        return Mono.from(certificates.retrieveDefault(user)).blockOptional();
    }

    private List<HostedCertificate> stored(Username user) {
        return Flux.from(certificates.list(user)).collectList().block();
    }

    private HostedCertificate require(Username user, Fingerprint fingerprint) {
        return Mono.from(certificates.retrieve(user, fingerprint)).blockOptional()
            .orElseThrow(() -> new SmimeException(ProblemType.CERTIFICATE_NOT_FOUND, user.asString() + " hosts no certificate " + fingerprint,
                Map.of("fingerprint", fingerprint.value()), null, fingerprint.value()));
    }

    void requireUser(Username user) {
        if (!accounts.userExists(user)) {
            throw new SmimeException(ProblemType.USER_NOT_FOUND, "No user " + user.asString(), Map.of("user", user.asString()), null, user.asString());
        }
    }

    private Domain requireEnabledDomain(Username user) {
        requireUser(user);
        Optional<Domain> domain = user.getDomainPart();
        if (domain.isEmpty() || !trustMaterials.isEnabled(domain.get()).block()) {
            String domainName = domain.map(Domain::asString).orElse("");
            throw new SmimeException(ProblemType.SMIME_DISABLED, "S/MIME is not enabled for " + domainName,
                Map.of("domain", domainName), null, domainName);
        }
        return domain.get();
    }

    private static List<X509Certificate> chainOf(Pkcs12Reader.Contents contents) {
        return Stream.concat(Stream.of(contents.certificate()), contents.chain().stream()).toList();
    }

    private static SmimeException problem(ProblemType type, String technical, CertificateDetails details) {
        return new SmimeException(type, technical, detailsMap(details), null);
    }

    private static Map<String, Object> detailsMap(CertificateDetails details) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fingerprint", details.fingerprint().value());
        map.put("subject", details.subject());
        map.put("emailAddresses", details.emailAddresses());
        map.put("notBefore", details.notBefore().toString());
        map.put("notAfter", details.notAfter().toString());
        return map;
    }

    private static HostedCertificateView view(HostedCertificate hosted, ChainVerdict verdict, boolean isDefault) {
        return new HostedCertificateView(CertificateDetails.of(hosted.certificate()), verdict.status(), verdict.reason(), isDefault,
            hosted.importedAt(), PemFiles.toPem(List.of(hosted.certificate())));
    }
}
