package org.hostedsmime.core.hosting;

import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.store.SmimeSettings;
import org.hostedsmime.core.store.SmimeSettings.MissingKeyPolicy;
import org.hostedsmime.core.store.SmimeSettingsStore;

import reactor.core.publisher.Mono;

/** Per-user switches, with the product's rules: encryption implies signing; signing needs a usable certificate. */
public class SmimeSettingsService {

    /** A partial change: absent fields keep their current value. */
    public record SettingsChange(Optional<Boolean> sign, Optional<Boolean> encrypt, Optional<MissingKeyPolicy> missingKeyPolicy) {
    }

    private final SmimeSettingsStore store;
    private final HostedCertificateService certificates;
    private final TrustMaterials trustMaterials;

    public SmimeSettingsService(SmimeSettingsStore store, HostedCertificateService certificates, TrustMaterials trustMaterials) {
        this.store = store;
        this.certificates = certificates;
        this.trustMaterials = trustMaterials;
    }

    public SmimeSettings get(Username user) {
        certificates.requireUser(user);
        return current(user);
    }

    /** The stored settings, without checking the user exists: what mailets read. */
    public SmimeSettings current(Username user) {
        return Mono.from(store.retrieve(user)).defaultIfEmpty(SmimeSettings.DEFAULT).block();
    }

    public SmimeSettings update(Username user, SettingsChange change) {
        certificates.requireUser(user);
        SmimeSettings current = current(user);
        boolean sign = change.sign().orElse(current.sign());
        boolean encrypt = change.encrypt().orElse(current.encrypt());
        MissingKeyPolicy policy = change.missingKeyPolicy().orElse(current.missingKeyPolicy());

        if (encrypt && !sign) {
            throw new SmimeException(ProblemType.ENCRYPTION_REQUIRES_SIGNATURE, "encrypt=true needs sign=true",
                Map.of("sign", sign, "encrypt", encrypt), null);
        }
        boolean turningOn = (sign && !current.sign()) || (encrypt && !current.encrypt());
        if (turningOn) {
            Optional<Domain> domain = user.getDomainPart();
            if (domain.isEmpty() || !trustMaterials.isEnabled(domain.get()).block()) {
                String domainName = domain.map(Domain::asString).orElse("");
                throw new SmimeException(ProblemType.SMIME_DISABLED, "S/MIME is not enabled for " + domainName,
                    Map.of("domain", domainName), null, domainName);
            }
            if (certificates.usableDefault(user).isEmpty()) {
                throw new SmimeException(ProblemType.NO_CERTIFICATE, user.asString() + " has no valid default certificate",
                    Map.of("user", user.asString()), null);
            }
        }
        SmimeSettings updated = new SmimeSettings(sign, encrypt, policy);
        Mono.from(store.save(user, updated)).block();
        return updated;
    }
}
