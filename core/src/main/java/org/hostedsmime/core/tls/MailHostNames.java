package org.hostedsmime.core.tls;

import java.util.List;

/**
 * The host names mail clients reach this server by, which its certificate must cover. Asked at each check,
 * since domains come and go while the server runs.
 */
@FunctionalInterface
public interface MailHostNames {
    /** Lower-case names; empty when none is known, and then no name is required. */
    List<String> required();
}
