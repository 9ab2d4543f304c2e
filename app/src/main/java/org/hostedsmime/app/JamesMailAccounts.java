package org.hostedsmime.app;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.hostedsmime.core.hosting.MailAccounts;

/** James's users repository and domain list, as the extension's services see them. */
public class JamesMailAccounts implements MailAccounts {
    private final UsersRepository users;
    private final DomainList domains;

    @Inject
    public JamesMailAccounts(UsersRepository users, DomainList domains) {
        this.users = users;
        this.domains = domains;
    }

    @Override
    public boolean userExists(Username user) {
        try {
            return users.contains(user);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("James's users repository cannot be read", e);
        }
    }

    @Override
    public List<Domain> domains() {
        try {
            return domains.getDomains();
        } catch (DomainListException e) {
            throw new IllegalStateException("James's domain list cannot be read", e);
        }
    }

    @Override
    public boolean domainExists(Domain domain) {
        try {
            return domains.containsDomain(domain);
        } catch (DomainListException e) {
            throw new IllegalStateException("James's domain list cannot be read", e);
        }
    }
}
