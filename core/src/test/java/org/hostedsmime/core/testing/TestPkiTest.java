package org.hostedsmime.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {
    private static final TestPki PKI = TestPki.create("Self test");

    @TempDir
    Path directory;

    @Test
    void leafValidatesToTheRootThroughTheIntermediate() throws Exception {
        TestCredential leaf = PKI.smimeLeaf("alice@example.org").build();

        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(PKI.root(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
            CertificateFactory.getInstance("X.509").generateCertPath(leaf.chain()), parameters);

        assertThat(leaf.chain()).containsExactly(leaf.certificate(), PKI.intermediate());
        assertThat(leaf.certificate().getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
            .containsExactly("alice@example.org");
        assertThat(leaf.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.4");
    }

    @Test
    void variantsAreWhatTheySay() throws Exception {
        assertThat(PKI.smimeLeaf("a@example.org").expired().build().certificate().getNotAfter()).isInThePast();
        assertThat(PKI.smimeLeaf("a@example.org").notYetValid().build().certificate().getNotBefore()).isInTheFuture();
        assertThat(PKI.smimeLeaf("a@example.org").signatureAlgorithm("SHA1withRSA").build().certificate().getSigAlgName())
            .isEqualTo("SHA1withRSA");
        assertThat(((RSAPublicKey) PKI.smimeLeaf("a@example.org").rsaKey(1024).build().certificate().getPublicKey()).getModulus().bitLength())
            .isEqualTo(1024);
        assertThat(PKI.smimeLeaf("a@example.org").ecKey("secp256r1").build().certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(PKI.smimeLeaf("a@example.org").emailInSubjectOnly().build().certificate().getSubjectAlternativeNames()).isNull();
        assertThat(PKI.smimeLeaf("a@example.org").noExtendedKeyUsage().build().certificate().getExtendedKeyUsage()).isNull();
        TestCredential selfSigned = PKI.smimeLeaf("a@example.org").selfSigned().build();
        selfSigned.certificate().verify(selfSigned.certificate().getPublicKey());
        assertThat(PKI.smimeLeaf("a@example.org").issuedByRoot().build().chain()).hasSize(1);
    }

    @Test
    void crlListsTheRevokedSerialAndVerifiesWithTheIssuer() throws Exception {
        TestCredential revoked = PKI.smimeLeaf("a@example.org").build();

        var crl = PKI.intermediateCrl(revoked.certificate());

        crl.verify(PKI.intermediate().getPublicKey());
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(PKI.smimeLeaf("b@example.org").build().certificate())).isFalse();
    }

    @Test
    void pkcs12OpensInTheJdkWithItsPasswordOnly() throws Exception {
        TestCredential leaf = PKI.smimeLeaf("alice@example.org").build();

        for (byte[] pkcs12 : List.of(leaf.pkcs12("pw"), leaf.pkcs12Legacy("pw"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), "pw".toCharArray());
            String alias = store.aliases().nextElement();
            assertThat(store.getKey(alias, "pw".toCharArray()).getEncoded()).isEqualTo(leaf.privateKey().getEncoded());
            assertThat(store.getCertificateChain(alias)).hasSize(2);

            KeyStore wrong = KeyStore.getInstance("PKCS12");
            assertThatThrownBy(() -> wrong.load(new ByteArrayInputStream(pkcs12), "nope".toCharArray())).isInstanceOf(Exception.class);
        }
        assertThatThrownBy(() -> KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(TestBytes.truncated(leaf.pkcs12("pw"))), "pw".toCharArray()))
            .isInstanceOf(Exception.class);
    }

    @Test
    void legacyPkcs12UsesASha1Mac() throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(PKI.smimeLeaf("alice@example.org").build().pkcs12Legacy("pw"));

        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(OIWObjectIdentifiers.idSHA1);
    }

    @Test
    void pkcs12OpensWithOpenSsl() throws Exception {
        Path file = directory.resolve("alice.p12");
        Files.write(file, PKI.smimeLeaf("alice@example.org").build().pkcs12("pw"));

        Process openssl = new ProcessBuilder("openssl", "pkcs12", "-in", file.toString(), "-passin", "pass:pw", "-nodes")
            .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(openssl.waitFor()).as(output).isZero();
        assertThat(output).contains("BEGIN PRIVATE KEY").contains("BEGIN CERTIFICATE");
    }

    @Test
    void privateKeyPemForms() {
        TestCredential rsa = PKI.smimeLeaf("a@example.org").build();
        TestCredential ec = PKI.smimeLeaf("a@example.org").ecKey("secp256r1").build();

        assertThat(rsa.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(rsa.privateKeyTraditionalPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(ec.privateKeyTraditionalPem()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(rsa.encryptedPrivateKeyPem("pw")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    }
}
