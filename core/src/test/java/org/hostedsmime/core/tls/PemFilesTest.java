package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    @TempDir
    Path directory;

    @Test
    void writesTheKeyOwnerOnlyAndReplacesAnExistingFile() throws Exception {
        ServerCredentials credentials = SelfSignedServerCertificate.generate("localhost", List.of("localhost"), Clock.systemUTC());
        Path key = directory.resolve("tls/server-key.pem");

        PemFiles.writeSecretAtomically(key, "old");
        PemFiles.writeSecretAtomically(key, PemFiles.toPem(credentials.privateKey()));

        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.list(key.getParent())).containsExactly(key);
    }

    @Test
    void selfSignedCertificateNamesTheHostAndParsesBack() throws Exception {
        ServerCredentials credentials = SelfSignedServerCertificate.generate("mail.example.org",
            List.of("mail.example.org", "localhost"), Clock.systemUTC());

        String pem = PemFiles.toPem(credentials.chain());
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));

        assertThat(parsed).isEqualTo(credentials.leaf());
        assertThat(parsed.getSubjectAlternativeNames())
            .extracting(name -> (Object) name.get(1))
            .containsExactly((Object) "mail.example.org", "localhost");
        parsed.verify(parsed.getPublicKey());
    }
}
