package org.hostedsmime.tls;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.hostedsmime.core.tls.MailHostNames;

/**
 * The host names the server certificate must cover: the configured ones ({@code hostNames} of
 * {@code tls.properties}) or else {@code mail.<domain>} for each domain James serves (single-label ones such as
 * {@code localhost} aside: no public certificate names them) plus the SMTP hello names set in
 * {@code smtpserver.xml}. The domain list is read at each check.
 */
public class JamesMailHostNames implements MailHostNames {
    private final List<String> configured;
    private final List<String> helloNames;
    private final DomainList domains;

    public JamesMailHostNames(List<String> configured, List<String> helloNames, DomainList domains) {
        this.configured = List.copyOf(configured);
        this.helloNames = List.copyOf(helloNames);
        this.domains = domains;
    }

    @Override
    public List<String> required() {
        if (!configured.isEmpty()) {
            return configured;
        }
        Set<String> names = new LinkedHashSet<>();
        try {
            domains.getDomains().stream()
                .map(Domain::asString)
                .filter(domain -> domain.contains("."))
                .map(domain -> "mail." + domain.toLowerCase(Locale.ROOT))
                .forEach(names::add);
        } catch (DomainListException e) {
            throw new IllegalStateException("James's domain list cannot be read", e);
        }
        helloNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).forEach(names::add);
        return List.copyOf(names);
    }
}
