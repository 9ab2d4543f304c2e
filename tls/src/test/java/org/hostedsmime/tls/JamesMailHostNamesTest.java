package org.hostedsmime.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.junit.jupiter.api.Test;

class JamesMailHostNamesTest {
    private static final class Domains implements DomainList {
        private final List<Domain> domains = new ArrayList<>(List.of(Domain.LOCALHOST));

        @Override
        public List<Domain> getDomains() {
            return List.copyOf(domains);
        }

        @Override
        public boolean containsDomain(Domain domain) {
            return domains.contains(domain);
        }

        @Override
        public void addDomain(Domain domain) {
            domains.add(domain);
        }

        @Override
        public void removeDomain(Domain domain) {
            domains.remove(domain);
        }

        @Override
        public Domain getDefaultDomain() {
            return Domain.LOCALHOST;
        }
    }

    private final Domains domains = new Domains();

    @Test
    void byDefaultTheMailHostOfEachDomainAndTheHelloNameAreRequiredButNotLocalhost() throws Exception {
        JamesMailHostNames names = new JamesMailHostNames(List.of(), List.of("MX.example.org"), domains);
        domains.addDomain(Domain.of("example.org"));
        domains.addDomain(Domain.of("example.net"));

        assertThat(names.required()).containsExactly("mail.example.org", "mail.example.net", "mx.example.org");
    }

    @Test
    void theDomainListIsReadAtEachCheck() throws Exception {
        JamesMailHostNames names = new JamesMailHostNames(List.of(), List.of(), domains);
        assertThat(names.required()).isEmpty();

        domains.addDomain(Domain.of("example.org"));

        assertThat(names.required()).containsExactly("mail.example.org");
    }

    @Test
    void configuredNamesReplaceTheDefaults() throws Exception {
        domains.addDomain(Domain.of("example.org"));

        assertThat(new JamesMailHostNames(List.of("imap.example.com"), List.of("mx.example.org"), domains).required())
            .containsExactly("imap.example.com");
    }
}
