package org.hostedsmime.core.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.hostedsmime.core.mime.ForgedHeaderFilter.Origin;
import org.junit.jupiter.api.Test;

class ForgedHeaderFilterTest {
    private static final String FORGED = String.join("\r\n",
        "From: mallory@outside.example",
        "To: alice@example.org",
        "X-Smime-Signature: valid; signer=ceo@example.org",
        "Subject: pay this invoice",
        "x-smime-encryption: decrypted",
        "X-SMIME-Signature: valid",
        "X-Smime-Options: none",
        "X-Smimey-Unrelated: kept",
        "X-Mailer: test",
        "",
        "Body line with X-Smime-Signature: valid inside the body.",
        "");

    private final ForgedHeaderFilter filter = new ForgedHeaderFilter();

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getDefaultInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    private static List<String> headerNames(MimeMessage message) throws Exception {
        return Collections.list(message.getAllHeaders()).stream().map(javax.mail.Header::getName).toList();
    }

    @Test
    void removesEverySpellingOfTheVerdictHeadersFromOutsideMail() throws Exception {
        ForgedHeaderFilter.Filtered filtered = filter.removeForgedHeaders(parse(FORGED), Origin.OUTSIDE).orElseThrow();

        assertThat(filtered.removedHeaders()).containsExactly("X-Smime-Signature", "x-smime-encryption", "X-Smime-Options");
        assertThat(headerNames(filtered.message()))
            .containsExactly("From", "To", "Subject", "X-Smimey-Unrelated", "X-Mailer");
    }

    @Test
    void keepsTheOptionsRequestOfAnAuthenticatedLocalSender() throws Exception {
        MimeMessage message = filter.removeForgedHeaders(parse(FORGED), Origin.AUTHENTICATED_LOCAL_SENDER)
            .orElseThrow().message();

        assertThat(message.getHeader(SmimeHeaders.OPTIONS)).containsExactly("none");
        assertThat(message.getHeader(SmimeHeaders.SIGNATURE)).isNull();
        assertThat(message.getHeader(SmimeHeaders.ENCRYPTION)).isNull();
    }

    @Test
    void leavesTheBodyAndOtherHeadersUntouched() throws Exception {
        MimeMessage message = filter.removeForgedHeaders(parse(FORGED), Origin.OUTSIDE).orElseThrow().message();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(String.join("\r\n",
            "From: mallory@outside.example",
            "To: alice@example.org",
            "Subject: pay this invoice",
            "X-Smimey-Unrelated: kept",
            "X-Mailer: test",
            "",
            "Body line with X-Smime-Signature: valid inside the body.",
            ""));
    }

    @Test
    void reportsNothingWhenThereIsNothingToRemove() throws Exception {
        MimeMessage message = parse("From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n");

        assertThat(filter.removeForgedHeaders(message, Origin.OUTSIDE)).isEmpty();
    }

    @Test
    void keepsFoldedHeadersAndHeaderOrderAsSent() throws Exception {
        MimeMessage message = parse(String.join("\r\n",
            "Received: from relay.example",
            "\tby mx.example.org; Tue, 24 Nov 2026 09:00:00 +0000",
            "MIME-Version: 1.0",
            "X-Smime-Signature: valid;",
            "  signer=ceo@example.org",
            "From: a@outside.example",
            "",
            "body",
            ""));

        MimeMessage filtered = filter.removeForgedHeaders(message, Origin.OUTSIDE).orElseThrow().message();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        filtered.writeTo(out);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(String.join("\r\n",
            "Received: from relay.example",
            "\tby mx.example.org; Tue, 24 Nov 2026 09:00:00 +0000",
            "MIME-Version: 1.0",
            "From: a@outside.example",
            "",
            "body",
            ""));
    }
}
