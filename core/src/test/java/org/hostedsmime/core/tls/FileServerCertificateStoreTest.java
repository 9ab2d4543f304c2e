package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Mono;

class FileServerCertificateStoreTest implements ServerCertificateStoreContract {
    @TempDir
    Path directory;

    @Override
    public ServerCertificateStore store() {
        return new FileServerCertificateStore(directory.resolve("state"));
    }

    @Test
    void everythingIsOwnerOnlyAndSurvivesANewInstance() throws Exception {
        ServerCredentials credentials = ServerCertificateStoreContract.credentials(PKI.serverLeaf("mail.example.org").build());
        Mono.from(store().saveCurrent(AppliedServerCertificate.at(credentials, NOW))).block();
        Mono.from(store().savePendingRequest(CertificateSigningRequests.create("mail.example.org", List.of(), CsrKeyType.EC_P256, NOW))).block();
        Mono.from(store().saveCrl(PKI.intermediateCrl())).block();

        ServerCertificateStore restarted = new FileServerCertificateStore(directory.resolve("state"));

        assertThat(Mono.from(restarted.current()).block().credentials().leaf()).isEqualTo(credentials.leaf());
        assertThat(Mono.from(restarted.pendingRequest()).blockOptional()).isPresent();
        try (Stream<Path> files = Files.walk(directory.resolve("state"))) {
            assertThat(files.toList()).allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isIn("rw-------", "rwx------"));
        }
    }
}
