package org.hostedsmime.tls;

import java.util.Arrays;
import java.util.Optional;

/**
 * James's protocol servers that can serve TLS: the configuration file and element each is read from, and the
 * service type its servers report ({@code ServerMBean#getServiceType}), which ties a running server to its
 * configuration.
 */
enum ServerProtocol {
    SMTP("SMTP", "smtpserver", "SMTP Service"),
    IMAP("IMAP", "imapserver", "IMAP Service"),
    POP3("POP3", "pop3server", "POP3 Service"),
    LMTP("LMTP", "lmtpserver", "LMTP Service"),
    MANAGE_SIEVE("ManageSieve", "managesieveserver", "Manage Sieve Service");

    private final String displayName;
    private final String element;
    private final String serviceType;

    ServerProtocol(String displayName, String element, String serviceType) {
        this.displayName = displayName;
        this.element = element;
        this.serviceType = serviceType;
    }

    static Optional<ServerProtocol> ofServiceType(String serviceType) {
        return Arrays.stream(values()).filter(protocol -> protocol.serviceType.equals(serviceType)).findFirst();
    }

    static ServerProtocol valueOfDisplayName(String displayName) {
        return Arrays.stream(values()).filter(protocol -> protocol.displayName.equals(displayName)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown protocol " + displayName));
    }

    String displayName() {
        return displayName;
    }

    /** The configuration file (without {@code .xml}) and the element of each server in it. */
    String element() {
        return element;
    }
}
