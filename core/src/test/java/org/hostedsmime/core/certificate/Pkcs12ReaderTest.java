package org.hostedsmime.core.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.testing.TestBytes;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

class Pkcs12ReaderTest {
    private static final TestPki PKI = TestPki.create("PKCS#12 reader");
    private static final TestCredential ALICE = PKI.smimeLeaf("alice@example.org").build();

    private final Pkcs12Reader reader = new Pkcs12Reader();

    private static void assertProblem(Runnable action, ProblemType type) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SmimeException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

    @Test
    void readsKeyCertificateAndChain() {
        Pkcs12Reader.Contents contents = reader.read(ALICE.pkcs12("pw"), "pw".toCharArray());

        assertThat(contents.certificate()).isEqualTo(ALICE.certificate());
        assertThat(contents.privateKey().getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
        assertThat(contents.chain()).containsExactly(PKI.intermediate());
    }

    @Test
    void readsLegacyFiles() {
        assertThat(reader.read(ALICE.pkcs12Legacy("pw"), "pw".toCharArray()).certificate()).isEqualTo(ALICE.certificate());
    }

    @Test
    void readsEcKeys() {
        TestCredential ec = PKI.smimeLeaf("alice@example.org").ecKey("secp384r1").build();

        assertThat(reader.read(ec.pkcs12("pw"), "pw".toCharArray()).certificate()).isEqualTo(ec.certificate());
    }

    @Test
    void tellsCorruptFromWrongPasswordFromMissingKey() {
        assertProblem(() -> reader.read("not a pkcs12 file".getBytes(), "pw".toCharArray()), ProblemType.CORRUPT);
        assertProblem(() -> reader.read(new byte[0], "pw".toCharArray()), ProblemType.CORRUPT);
        assertProblem(() -> reader.read(TestBytes.truncated(ALICE.pkcs12("pw")), "pw".toCharArray()), ProblemType.CORRUPT);
        assertProblem(() -> reader.read(ALICE.pkcs12("pw"), "other".toCharArray()), ProblemType.WRONG_PASSWORD);
        assertProblem(() -> reader.read(ALICE.pkcs12Legacy("pw"), "other".toCharArray()), ProblemType.WRONG_PASSWORD);
        assertProblem(() -> reader.read(ALICE.pkcs12WithoutKey("pw"), "pw".toCharArray()), ProblemType.NO_PRIVATE_KEY);
        assertProblem(() -> reader.read(ALICE.pkcs12WithForeignKey("pw", PKI.smimeLeaf("x@example.org").build().privateKey()),
            "pw".toCharArray()), ProblemType.NO_PRIVATE_KEY);
    }

    @Test
    void aCertificateIsAlwaysADerCertificateNotAnotherStructure() {
        assertProblem(() -> reader.read(ALICE.certificatePem().getBytes(), "pw".toCharArray()), ProblemType.CORRUPT);
    }

    @Test
    void errorsNeverCarryThePassword() {
        assertThatThrownBy(() -> reader.read(ALICE.pkcs12("pw"), "s3cret-password".toCharArray()))
            .isInstanceOfSatisfying(SmimeException.class, e -> {
                assertThat(e.getMessage()).doesNotContain("s3cret-password");
                assertThat(e.details().toString()).doesNotContain("s3cret-password");
            });
    }
}
