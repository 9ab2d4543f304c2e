package org.hostedsmime.core.hosting;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/** The server's users and domains, as James knows them (users repository, domain list). */
public interface MailAccounts {
    boolean userExists(Username user);

    boolean domainExists(Domain domain);

    /** Every domain the server serves. */
    java.util.List<Domain> domains();
}
