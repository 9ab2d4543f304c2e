package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.crypto.KeyPairs;
import org.hostedsmime.core.problem.ProblemType;
import org.junit.jupiter.api.Test;

class CertificateSigningRequestsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static JcaPKCS10CertificationRequest parse(PendingCertificateRequest request) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(request.csrPem()))) {
            return new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject()).setProvider(CryptoProvider.BOUNCY_CASTLE);
        }
    }

    @Test
    void anRsaRequestIsSignedByTheKeyKeptOnTheServerAndNamesTheHosts() throws Exception {
        PendingCertificateRequest request = CertificateSigningRequests.create("Mail.Example.org", List.of("imap.example.org", "mail.example.org"),
            CsrKeyType.RSA_3072, NOW);
        JcaPKCS10CertificationRequest csr = parse(request);

        assertThat(request.csrPem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build(csr.getPublicKey())))
            .isTrue();
        assertThat(((RSAPublicKey) csr.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(KeyPairs.belongTogether(request.privateKey(), csr.getPublicKey())).isTrue();
        assertThat(csr.getSubject().toString()).isEqualTo("CN=mail.example.org");
        Extensions extensions = Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
        assertThat(GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames())
            .extracting(name -> name.getTagNo() + ":" + name.getName())
            .containsExactly(GeneralName.dNSName + ":mail.example.org", GeneralName.dNSName + ":imap.example.org");
        assertThat(request.subjectAltNames()).containsExactly("mail.example.org", "imap.example.org");
    }

    @Test
    void anEcP256RequestHasAP256Key() throws Exception {
        PendingCertificateRequest request = CertificateSigningRequests.create("mail.example.org", List.of(), CsrKeyType.EC_P256, NOW);

        assertThat(((ECPublicKey) parse(request).getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(request.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void somethingThatIsNotAHostNameIsAnInvalidArgument() {
        for (String name : new String[] {"", "mail example.org", "-mail.example.org", "mail.example.org/evil"}) {
            assertThatThrownBy(() -> CertificateSigningRequests.create(name, List.of(), CsrKeyType.EC_P256, NOW))
                .isInstanceOfSatisfying(ServerCertificateProblem.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_ARGUMENT));
        }
        assertThat(CsrKeyType.parse("RSA-2048")).isEmpty();
        assertThat(CsrKeyType.parse("ec-p256")).contains(CsrKeyType.EC_P256);
    }
}
