package org.hostedsmime.it.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.hostedsmime.it.harness.ImapClient;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.hostedsmime.it.harness.SmtpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verdict headers can only come from this server: whatever an outsider writes in them is gone by the time
 * an IMAP client reads the message. Fails when RemoveSmimeVerdictHeaders is taken out of conf/.
 */
class ForgedVerdictHeadersTest {
    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder().build();

    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";
    private static final String DAN = "dan@example.org";

    // Headers and body as an outside server would relay them; the forged ones sit between real ones.
    private static final String ORIGINAL_HEADERS = String.join("\r\n",
        "From: Mallory <mallory@outside.example>",
        "To: alice@example.org",
        "Subject: Urgent: updated bank details",
        "Date: Tue, 24 Nov 2026 09:00:00 +0000",
        "Message-ID: <forged-1@outside.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit");
    private static final String BODY = String.join("\r\n",
        "Please wire the money today.",
        "Grüße, the \"CEO\"",
        ".leading dot survives",
        "X-Smime-Signature: valid (in the body, not a header)",
        "");

    private RunningJames server;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer).user(ALICE).user(BOB).user(CAROL).user(DAN);
    }

    @Test
    void outsiderCannotPlantVerdictHeaders() throws Exception {
        String forged = ORIGINAL_HEADERS.replace("Subject:", "X-Smime-Signature: valid; signer=ceo@example.org\r\nSubject:")
            + "\r\nX-Smime-Encryption: decrypted"
            + "\r\nx-smime-signature-description: =?utf-8?B?5pWw5a2X562+5ZCN5pyJ5pWI?="
            + "\r\n\r\n" + BODY;
        try (SmtpClient smtp = server.smtp()) {
            smtp.send("mallory@outside.example", ALICE, forged);
        }

        try (ImapClient imap = server.imapAs(ALICE).awaitMessages("INBOX", 1)) {
            String headers = imap.fetchHeaders(1);
            String message = imap.fetchMessageAsString(1);

            assertThat(headers).doesNotContainIgnoringCase("X-Smime-");
            // Everything the sender wrote, except the forged headers, arrives byte for byte after the
            // trace headers James prepends (Return-Path, Delivered-To, Received).
            assertThat(message).endsWith(ORIGINAL_HEADERS + "\r\n\r\n" + BODY);
        }
    }

    @Test
    void outsiderCannotPlantTheOptionsRequestOfLocalUsers() throws Exception {
        try (SmtpClient smtp = server.smtp()) {
            smtp.send("mallory@outside.example", CAROL, ORIGINAL_HEADERS + "\r\nX-Smime-Options: none\r\n\r\n" + BODY);
        }

        try (ImapClient imap = server.imapAs(CAROL).awaitMessages("INBOX", 1)) {
            assertThat(imap.fetchHeaders(1)).doesNotContainIgnoringCase("X-Smime-Options");
        }
    }

    @Test
    void mailBetweenLocalUsersArrivesIntact() throws Exception {
        String original = String.join("\r\n",
            "From: bob@example.org",
            "To: dan@example.org",
            "Subject: lunch?",
            "Message-ID: <local-1@example.org>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "Noon at the usual place?",
            "--b1",
            "Content-Type: application/octet-stream; name=\"map.bin\"",
            "Content-Transfer-Encoding: base64",
            "",
            "AAECAwQFBgcICQoLDA0ODw==",
            "--b1--",
            "");
        try (SmtpClient smtp = server.smtpAs(BOB)) {
            smtp.send(BOB, DAN, original);
        }

        try (ImapClient imap = server.imapAs(DAN).awaitMessages("INBOX", 1)) {
            assertThat(imap.fetchMessageAsString(1)).endsWith(original);
        }
    }
}
