package org.hostedsmime.it.tls;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.it.harness.ImapClient;
import org.hostedsmime.it.harness.SmtpClient;
import org.hostedsmime.it.harness.TrustAll;

/** What a mail client sees during a real TLS handshake with the server: the certificate it is presented. */
final class PresentedCertificates {
    private static final Pattern FIRST_CERTIFICATE = Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

    /** SHA-256 fingerprint of the certificate presented after SMTP STARTTLS. */
    static String afterSmtpStartTls(int port) throws IOException {
        try (SmtpClient smtp = SmtpClient.connect(port).startTls(TrustAll.sslContext())) {
            return Fingerprint.of(smtp.serverCertificate().orElseThrow()).value();
        }
    }

    /** SHA-256 fingerprint of the certificate presented after IMAP STARTTLS. */
    static String afterImapStartTls(int port) throws IOException {
        try (ImapClient imap = ImapClient.connect(port).startTls(TrustAll.sslContext())) {
            return Fingerprint.of(imap.serverCertificate().orElseThrow()).value();
        }
    }

    /** What {@code openssl s_client -starttls <protocol>} printed, verifying against {@code caFile} for {@code host}. */
    record OpensslResult(String output, X509Certificate leaf) {
        boolean verified() {
            return output.contains("Verify return code: 0 (ok)");
        }
    }

    static OpensslResult opensslStartTls(String protocol, int port, Path caFile, String host) throws Exception {
        Process process = new ProcessBuilder(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-starttls", protocol,
            "-servername", host, "-verify_hostname", host, "-CAfile", caFile.toString(), "-showcerts"))
            .redirectErrorStream(true)
            .redirectInput(new File("/dev/null"))
            .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl s_client did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher leaf = FIRST_CERTIFICATE.matcher(output);
        if (!leaf.find()) {
            throw new IllegalStateException("openssl s_client printed no certificate:\n" + output);
        }
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(leaf.group().getBytes(StandardCharsets.US_ASCII)));
        return new OpensslResult(output, certificate);
    }

    private PresentedCertificates() {
    }
}
