package org.hostedsmime.app;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.Pop3GuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.WebAdminGuiceProbe;

/** What a person who just typed {@code ./run.sh} needs to know: where it listens and how to start using it. */
class EmbeddedServerBanner {
    private final GuiceJamesServer server;

    EmbeddedServerBanner(GuiceJamesServer server) {
        this.server = server;
    }

    String render() {
        int smtp = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        int imap = server.getProbe(ImapGuiceProbe.class).getImapStartTLSPort();
        int pop3 = server.getProbe(Pop3GuiceProbe.class).getPop3Port();
        int webAdmin = server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
        String webAdminUrl = "http://127.0.0.1:" + webAdmin;
        return String.join(System.lineSeparator(),
            "",
            "Apache James 3.8.1 with Hosted S/MIME is running (Ctrl-C stops it).",
            "  SMTP      127.0.0.1:" + smtp + "  (inbound and SMTP AUTH submission, STARTTLS)",
            "  IMAP      127.0.0.1:" + imap + "  (STARTTLS)",
            "  POP3      127.0.0.1:" + pop3 + "  (STLS)",
            "  WebAdmin  " + webAdminUrl,
            "",
            "Create a domain and a user:",
            "  curl -XPUT " + webAdminUrl + "/domains/example.org",
            "  curl -XPUT " + webAdminUrl + "/users/alice@example.org -H 'Content-Type: application/json' -d '{\"password\":\"secret\"}'",
            "");
    }
}
