package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.hostedsmime.core.crypto.KeyPairs;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

/** The four upload layouts of the SSL certificate upload document, and what is refused. */
class UploadedServerCertificateTest {
    private static final TestPki PKI = TestPki.create("Layouts");
    private static final TestCredential SERVER = PKI.serverLeaf("mail.example.org").build();

    private static UploadedServerCertificate decode(String certificate, String chain, String key) {
        return UploadedServerCertificate.decode(ServerCertificateUpload.of(certificate, chain, key, null));
    }

    private static void assertServerWithIntermediate(UploadedServerCertificate uploaded) {
        assertThat(uploaded.certificate()).isEqualTo(SERVER.certificate());
        assertThat(uploaded.chain()).containsExactly(PKI.intermediate());
        assertThat(KeyPairs.belongTogether(uploaded.privateKey().orElseThrow(), SERVER.certificate().getPublicKey())).isTrue();
    }

    @Test
    void layoutOneCertificateChainAndKeySeparately() {
        assertServerWithIntermediate(decode(SERVER.certificatePem(), TestPki.pem(PKI.intermediate()), SERVER.privateKeyPkcs1Pem()));
    }

    @Test
    void layoutsTwoAndThreeAPemCertificateFollowedByItsChainWithoutChainField() {
        assertServerWithIntermediate(decode(SERVER.chainPem(), null, SERVER.privateKeyPkcs8Pem()));
        assertServerWithIntermediate(decode(SERVER.chainPem(), "  \r\n", SERVER.privateKeyPkcs8Pem()));
    }

    @Test
    void layoutFourSeveralSectionsTheFirstIsTheServerCertificate() {
        String withText = "Server certificate:\n" + SERVER.certificatePem() + "\nIntermediate CA:\n" + TestPki.pem(PKI.intermediate())
            + "\nRoot:\n" + TestPki.pem(PKI.root());

        UploadedServerCertificate uploaded = decode(withText, null, SERVER.privateKeyPkcs8Pem());

        assertThat(uploaded.certificate()).isEqualTo(SERVER.certificate());
        assertThat(uploaded.chain()).containsExactly(PKI.intermediate(), PKI.root());
    }

    @Test
    void windowsLineEndsAndIndentationAreTolerated() {
        String certificate = SERVER.chainPem().replace("\n", "\r\n").replace("-----BEGIN", "  -----BEGIN");

        assertServerWithIntermediate(decode(certificate, null, SERVER.privateKeyPkcs8Pem().replace("\n", "\r\n")));
    }

    @Test
    void aDerCertificateIsAccepted() throws Exception {
        UploadedServerCertificate uploaded = UploadedServerCertificate.decode(new ServerCertificateUpload(
            SERVER.certificate().getEncoded(), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(uploaded.certificate()).isEqualTo(SERVER.certificate());
    }

    @Test
    void aKeyInTheCertificateFieldIsUsedWhenTheKeyFieldIsEmpty() {
        assertServerWithIntermediate(decode(SERVER.privateKeyPkcs8Pem() + SERVER.chainPem(), null, null));
    }

    @Test
    void withoutAnyKeyTheUploadCarriesNone() {
        assertThat(decode(SERVER.chainPem(), null, null).privateKey()).isEmpty();
    }

    @Test
    void severalCertificatesNextToAChainFieldAreMultipleCertificates() {
        assertThatThrownBy(() -> decode(SERVER.chainPem(), TestPki.pem(PKI.intermediate()), SERVER.privateKeyPkcs8Pem()))
            .isInstanceOfSatisfying(ServerCertificateProblem.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.MULTIPLE_CERTIFICATES);
                assertThat(e.details()).containsEntry("certificateCount", 2);
            });
    }

    @Test
    void aFieldThatIsNotACertificateIsCorruptAndNamesTheField() {
        assertThatThrownBy(() -> decode("hello", null, SERVER.privateKeyPkcs8Pem()))
            .isInstanceOfSatisfying(ServerCertificateProblem.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.CORRUPT);
                assertThat(e.details()).containsEntry("field", "certificate");
                assertThat(e.messageArguments()).containsExactly("certificate");
            });
        assertThatThrownBy(() -> decode(SERVER.certificatePem(), SERVER.privateKeyPkcs8Pem(), SERVER.privateKeyPkcs8Pem()))
            .isInstanceOfSatisfying(ServerCertificateProblem.class, e -> assertThat(e.details()).containsEntry("field", "chain"));
    }

    @Test
    void describingAnUploadNeverShowsTheKey() {
        ServerCertificateUpload upload = ServerCertificateUpload.of(SERVER.certificatePem(), null, SERVER.privateKeyPkcs8Pem(), "pw");

        assertThat(upload.toString()).contains("privateKey=present").doesNotContain("BEGIN").doesNotContain("pw");
        assertThat(UploadedServerCertificate.decode(upload).toString()).doesNotContain("BEGIN");
    }
}
