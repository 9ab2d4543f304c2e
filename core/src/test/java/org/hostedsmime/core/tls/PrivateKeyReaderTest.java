package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Optional;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.crypto.KeyPairs;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

class PrivateKeyReaderTest {
    private static final TestPki PKI = TestPki.create("Key reader");
    private static final TestCredential RSA = PKI.serverLeaf("mail.example.org").build();
    private static final TestCredential EC = PKI.serverLeaf("mail.example.org").ecKey("secp256r1").build();

    private static PrivateKey read(String pem, String password) {
        return PrivateKeyReader.read("privateKey", pem.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(password).map(String::toCharArray));
    }

    private static void assertBelongsTo(PrivateKey key, TestCredential credential) {
        assertThat(KeyPairs.belongTogether(key, credential.certificate().getPublicKey())).isTrue();
    }

    @Test
    void readsPkcs1RsaKeys() {
        assertThat(RSA.privateKeyPkcs1Pem()).contains("BEGIN RSA PRIVATE KEY");
        assertBelongsTo(read(RSA.privateKeyPkcs1Pem(), null), RSA);
    }

    @Test
    void readsPkcs8Keys() {
        assertBelongsTo(read(RSA.privateKeyPkcs8Pem(), null), RSA);
        assertBelongsTo(read(EC.privateKeyPkcs8Pem(), null), EC);
    }

    @Test
    void readsSec1EcKeysWithOrWithoutTheirParametersBlock() {
        assertThat(EC.privateKeyPkcs1Pem()).contains("BEGIN EC PRIVATE KEY");
        String withParameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + EC.privateKeyPkcs1Pem();

        assertBelongsTo(read(EC.privateKeyPkcs1Pem(), null), EC);
        assertBelongsTo(read(withParameters, null), EC);
    }

    @Test
    void readsEncryptedPkcs8KeysWithTheirPassword() {
        assertBelongsTo(read(RSA.encryptedPrivateKeyPem("s3cret"), "s3cret"), RSA);
    }

    @Test
    void readsLegacyOpenSslEncryptedKeysWithTheirPassword() throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(RSA.privateKey(), new JcePEMEncryptorBuilder("AES-128-CBC")
                .setProvider(CryptoProvider.BOUNCY_CASTLE).setSecureRandom(CryptoProvider.random()).build("s3cret".toCharArray()));
        }
        assertThat(out.toString()).contains("Proc-Type: 4,ENCRYPTED");

        assertBelongsTo(read(out.toString(), "s3cret"), RSA);
    }

    @Test
    void anEncryptedKeyWithoutOrWithAWrongPasswordIsWrongPassword() {
        String encrypted = RSA.encryptedPrivateKeyPem("s3cret");

        assertThatThrownBy(() -> read(encrypted, null)).isInstanceOfSatisfying(SmimeException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.WRONG_PASSWORD));
        assertThatThrownBy(() -> read(encrypted, "not-it")).isInstanceOfSatisfying(SmimeException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.WRONG_PASSWORD));
    }

    @Test
    void toleratesWindowsLineEndsIndentationAndTextAroundTheBlock() {
        String messy = "Private key for mail.example.org\r\n\r\n" + RSA.privateKeyPkcs8Pem().replace("\n", "\r\n").lines()
            .map(line -> "   " + line + "  ").reduce("", (a, b) -> a + b + "\r\n") + "\r\n(end)\r\n";

        assertBelongsTo(read(messy, null), RSA);
    }

    @Test
    void aDamagedOrMissingKeyIsCorruptAndTheMessageQuotesNothing() {
        String pem = RSA.privateKeyPkcs8Pem();
        String damaged = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";

        for (String input : new String[] {damaged, RSA.certificatePem(), "not a key at all"}) {
            assertThatThrownBy(() -> read(input, null)).isInstanceOfSatisfying(ServerCertificateProblem.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.CORRUPT);
                assertThat(e.messageKey()).isEqualTo("problem.tls.corrupt");
                assertThat(e.details()).containsEntry("field", "privateKey");
                assertThat(e.getMessage()).doesNotContain(pem.substring(40, 80));
            });
        }
    }

    @Test
    void encryptedKeysWrittenForAConfiguredSecretReadBackWithIt() {
        String encrypted = PemFiles.toEncryptedPem(EC.privateKey(), "conf-secret".toCharArray());

        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertBelongsTo(read(encrypted, "conf-secret"), EC);
    }
}
