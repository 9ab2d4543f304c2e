package org.hostedsmime.core.outbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostedsmime.core.directory.KeyDirectory;
import org.hostedsmime.core.directory.RecipientCertificate;
import org.hostedsmime.core.trust.TrustMaterial;

/** The recipients of a message split into those with a usable certificate and those without. */
public record RecipientKeys(Map<String, RecipientCertificate> found, List<String> missing) {
    public RecipientKeys {
        found = Map.copyOf(found);
        missing = List.copyOf(missing);
    }

    public static RecipientKeys lookUp(KeyDirectory directory, List<String> recipients, TrustMaterial senderTrust) {
        Map<String, RecipientCertificate> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String recipient : recipients) {
            Optional<RecipientCertificate> certificate = directory.usableCertificate(recipient, senderTrust);
            certificate.ifPresentOrElse(value -> found.put(recipient, value), () -> missing.add(recipient));
        }
        return new RecipientKeys(found, missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
