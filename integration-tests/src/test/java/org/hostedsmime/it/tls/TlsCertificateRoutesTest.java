package org.hostedsmime.it.tls;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Server certificate management on a real James: an upload is presented by SMTP and IMAP on the very next TLS
 * handshake, without a restart; every layout of the SSL certificate upload document is accepted, every problem it
 * lists refused with its type (in English and Chinese); a refused upload leaves the served certificate alone and a
 * rollback restores the previous one; a certificate signing request is completed with the key kept on the server.
 * No private key or password reaches a response or a log. The test root is in the trust bundle
 * ({@code conf/tls.properties}); James serves {@code example.org}, so the certificate must cover {@code mail.example.org}.
 */
class TlsCertificateRoutesTest {
    private static final TestPki PKI = TestPki.create("TLS routes");
    private static final TestPki STRANGER = TestPki.create("Stranger");
    private static final String HOST = "mail.example.org";
    private static final String ROOT_FILE = "tls-test-root.pem";

    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder()
        .editConf(ROOT_FILE, ignored -> TestPki.pem(PKI.root()))
        .editConf("tls.properties", conf -> conf.replace("trust.extraBundle=", "trust.extraBundle=conf/" + ROOT_FILE))
        .build();

    @TempDir
    Path directory;

    private RunningJames server;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer).domain("example.org");
    }

    private static Map<String, String> fields(String certificate, String chain, String privateKey) {
        Map<String, String> body = new HashMap<>();
        body.put("certificate", certificate);
        if (chain != null) {
            body.put("chain", chain);
        }
        if (privateKey != null) {
            body.put("privateKey", privateKey);
        }
        return body;
    }

    private ValidatableResponse put(Map<String, String> body) {
        return given(server.webAdmin()).body(body).put("/tls/certificate").then();
    }

    private ValidatableResponse put(TestCredential credential) {
        return put(fields(credential.certificatePem(), TestPki.pem(PKI.intermediate()), credential.privateKeyPkcs1Pem())).statusCode(200);
    }

    private ValidatableResponse validate(Map<String, String> body, String language) {
        return given(server.webAdmin()).header("Accept-Language", language).body(body).post("/tls/certificate/validate").then();
    }

    private ValidatableResponse refused(Map<String, String> body, String type) {
        return validate(body, "en").statusCode(400).body("statusCode", equalTo(400)).body("type", equalTo(type));
    }

    private static Map<String, String> layoutOne(TestCredential credential) {
        return fields(credential.certificatePem(), TestPki.pem(PKI.intermediate()), credential.privateKeyPkcs8Pem());
    }

    @Test
    void anUploadIsPresentedOnSmtpAndImapAtTheNextHandshakeWithoutRestart() throws Exception {
        TestCredential credential = PKI.serverLeaf(HOST).build();

        Instant before = Instant.now();
        put(credential)
            .body("fingerprint", equalTo(credential.fingerprint()))
            .body("subjectAltNames", equalTo(List.of(HOST)))
            .body("issuer", containsString("TLS routes Intermediate CA"))
            .body("chain", equalTo(List.of(PKI.intermediate().getSubjectX500Principal().getName())))
            .body("keyAlgorithm", equalTo("RSA"))
            .body("keySize", equalTo(2048))
            .body("servers.protocol", hasItem("SMTP"))
            .body("servers.find { it.protocol == 'SMTP' }.port", equalTo(server.smtpPort()))
            .body("servers.find { it.protocol == 'IMAP' }.tls", equalTo("STARTTLS"))
            .body("servers.protocol", hasItem("POP3"))
            .body("appliedAt", notNullValue())
            .body("warnings", empty());
        String smtp = PresentedCertificates.afterSmtpStartTls(server.smtpPort());
        String imap = PresentedCertificates.afterImapStartTls(server.imapPort());

        assertThat(smtp).isEqualTo(credential.fingerprint());
        assertThat(imap).isEqualTo(credential.fingerprint());
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
        given(server.webAdmin()).get("/tls/certificate").then().statusCode(200)
            .body("fingerprint", equalTo(credential.fingerprint()))
            .body("appliedAt", notNullValue());
    }

    @Test
    void opensslVerifiesTheServedChainAgainstTheRootForTheMailHostName() throws Exception {
        TestCredential credential = PKI.serverLeaf(HOST).ecKey("secp256r1").build();
        put(fields(credential.chainPem(), null, credential.privateKeyPkcs1Pem())).statusCode(200);
        Path root = Files.writeString(directory.resolve("root.pem"), TestPki.pem(PKI.root()));

        PresentedCertificates.OpensslResult result = PresentedCertificates.opensslStartTls("smtp", server.smtpPort(), root, HOST);

        assertThat(Fingerprint.of(result.leaf()).value()).isEqualTo(credential.fingerprint());
        assertThat(result.verified()).as(result.output()).isTrue();
    }

    @Test
    void aRefusedUploadLeavesTheServedCertificateAndRollbackRestoresThePreviousOne() throws Exception {
        TestCredential first = PKI.serverLeaf(HOST).build();
        TestCredential second = PKI.serverLeaf("*.example.org").build();
        put(first);

        put(layoutOne(PKI.serverLeaf("mail.example.net").build())).statusCode(400).body("type", equalTo("domain-mismatch"));
        assertThat(PresentedCertificates.afterSmtpStartTls(server.smtpPort())).isEqualTo(first.fingerprint());

        put(second);
        given(server.webAdmin()).get("/tls/certificate/previous").then().statusCode(200)
            .body("fingerprint", equalTo(first.fingerprint()))
            .body("servers", empty());
        given(server.webAdmin()).post("/tls/certificate/rollback").then().statusCode(200)
            .body("fingerprint", equalTo(first.fingerprint()));

        assertThat(PresentedCertificates.afterSmtpStartTls(server.smtpPort())).isEqualTo(first.fingerprint());
        assertThat(PresentedCertificates.afterImapStartTls(server.imapPort())).isEqualTo(first.fingerprint());
        given(server.webAdmin()).get("/tls/certificate/previous").then().body("fingerprint", equalTo(second.fingerprint()));
    }

    @Test
    void everyLayoutAndKeyFormOfTheUploadDocumentPassesTheDryRunWhichAppliesNothing() throws Exception {
        String served = PresentedCertificates.afterSmtpStartTls(server.smtpPort());
        TestCredential rsa = PKI.serverLeaf(HOST).build();
        TestCredential ec = PKI.serverLeaf(HOST).ecKey("secp256r1").build();
        String messy = "Your certificate for " + HOST + ":\r\n" + rsa.chainPem().replace("\n", "\r\n") + "\r\n  thanks!\r\n";

        List<Map<String, String>> uploads = List.of(
            fields(rsa.certificatePem(), TestPki.pem(PKI.intermediate()), rsa.privateKeyPkcs1Pem()),
            fields(rsa.chainPem(), null, rsa.privateKeyPkcs8Pem()),
            fields(rsa.certificatePem() + TestPki.pem(PKI.intermediate()) + TestPki.pem(PKI.root()), null, rsa.privateKeyPkcs8Pem()),
            fields(messy, null, rsa.privateKeyPkcs1Pem().replace("\n", "\r\n")),
            fields(ec.chainPem(), null, ec.privateKeyPkcs1Pem()));
        for (Map<String, String> upload : uploads) {
            validate(upload, "en").statusCode(200).body("fingerprint", not(nullValue())).body("servers", empty()).body("appliedAt", nullValue());
        }
        Map<String, String> encrypted = fields(rsa.chainPem(), null, rsa.encryptedPrivateKeyPem("pass phrase"));
        encrypted.put("privateKeyPassword", "pass phrase");
        validate(encrypted, "en").statusCode(200).body("fingerprint", equalTo(rsa.fingerprint()));
        given(server.webAdmin()).contentType(ContentType.MULTIPART)
            .multiPart("certificate", "server.crt", rsa.certificatePem().getBytes(), "application/x-pem-file")
            .multiPart("chain", "chain.crt", TestPki.pem(PKI.intermediate()).getBytes(), "application/x-pem-file")
            .multiPart("privateKey", "server.key", rsa.encryptedPrivateKeyPem("pw").getBytes(), "application/x-pem-file")
            .multiPart("privateKeyPassword", "pw")
            .post("/tls/certificate/validate").then().statusCode(200).body("fingerprint", equalTo(rsa.fingerprint()));

        assertThat(PresentedCertificates.afterSmtpStartTls(server.smtpPort())).isEqualTo(served);
    }

    @Test
    void eachProblemOfTheUploadDocumentIsRefusedWithItsType() {
        TestCredential good = PKI.serverLeaf(HOST).build();
        TestCredential revoked = PKI.serverLeaf(HOST).build();
        given(server.webAdmin()).contentType("application/pkix-crl").body(TestPki.pem(PKI.intermediateCrl(revoked.certificate())))
            .post("/tls/crls").then().statusCode(201).body("revokedCount", equalTo(1));

        refused(fields("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", null, good.privateKeyPkcs8Pem()), "corrupt")
            .body("details.field", equalTo("certificate"));
        refused(fields(good.chainPem(), null, "hello"), "corrupt").body("details.field", equalTo("privateKey"));
        refused(fields(good.chainPem(), null, PKI.serverLeaf(HOST).build().privateKeyPkcs8Pem()), "key-mismatch");
        refused(fields(good.chainPem(), TestPki.pem(PKI.root()), good.privateKeyPkcs8Pem()), "multiple-certificates");
        refused(fields(good.certificatePem(), null, good.privateKeyPkcs8Pem()), "incomplete-chain")
            .body("details.issuer", equalTo(PKI.intermediate().getSubjectX500Principal().getName()));
        refused(layoutOne(PKI.serverLeaf("example.org").build()), "domain-mismatch").body("details.missing", equalTo(List.of(HOST)));
        refused(layoutOne(PKI.serverLeaf(HOST).signatureAlgorithm("SHA1withRSA").build()), "sha1-signature");
        refused(layoutOne(PKI.serverLeaf(HOST).expired().build()), "expired");
        refused(layoutOne(PKI.serverLeaf(HOST).notYetValid().build()), "not-yet-valid");
        refused(layoutOne(revoked), "revoked");
        refused(layoutOne(PKI.serverLeaf(HOST).rsaKey(1024).build()), "weak-key");
        refused(fields(good.chainPem(), null, good.encryptedPrivateKeyPem("right")), "wrong-password");
    }

    @Test
    void swappedCertificateAndChainFieldsAreExplainedInEnglishAndChinese() {
        TestCredential credential = PKI.serverLeaf(HOST).build();
        Map<String, String> swapped = fields(TestPki.pem(PKI.intermediate()), credential.certificatePem(), credential.privateKeyPkcs8Pem());

        refused(swapped, "key-mismatch")
            .body("message", containsString("try swapping the certificate file and the certificate chain file"))
            .body("message", containsString("The private key belongs to a certificate of the chain (CN=" + HOST + ")"))
            .body("details.keyBelongsTo", equalTo("CN=" + HOST));
        validate(swapped, "zh-CN").statusCode(400)
            .body("message", containsString("请尝试互换证书文件与证书链文件"))
            .body("message", containsString("该私钥属于证书链中的证书"));
        validate(fields(credential.chainPem(), TestPki.pem(PKI.intermediate()), credential.privateKeyPkcs8Pem()), "zh-CN")
            .statusCode(400).body("type", equalTo("multiple-certificates")).body("message", containsString("证书文件只能包含一个证书"));
    }

    @Test
    void warningsComeWithAcceptedCertificates() {
        Instant now = Instant.now();
        TestCredential expiring = PKI.serverLeaf(HOST).validity(now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(10)).plusSeconds(120)).build();
        TestCredential untrusted = STRANGER.serverLeaf(HOST).build();

        validate(layoutOne(expiring), "en").statusCode(200)
            .body("warnings.type", equalTo(List.of("expires-soon")))
            .body("warnings[0].message", equalTo("The certificate expires in 10 days."));
        validate(fields(untrusted.chainPem() + TestPki.pem(STRANGER.root()), null, untrusted.privateKeyPkcs8Pem()), "zh-CN").statusCode(200)
            .body("warnings.type", equalTo(List.of("untrusted-root")))
            .body("warnings[0].message", containsString("建议使用可信的证书提供商"));
    }

    @Test
    void aCertificateSigningRequestIsCompletedWithTheKeyKeptOnTheServer() throws Exception {
        String csrPem = given(server.webAdmin())
            .body(Map.of("commonName", HOST, "subjectAltNames", List.of("imap.example.org"), "keyType", "EC-P256"))
            .post("/tls/csr").then().statusCode(201)
            .body("subjectAltNames", equalTo(List.of(HOST, "imap.example.org")))
            .body("keyType", equalTo("EC-P256"))
            .extract().path("csr");
        JcaPKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            csr = new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject()).setProvider(CryptoProvider.BOUNCY_CASTLE);
        }
        TestCredential issued = PKI.serverLeaf(HOST, "imap.example.org").keyPair(new KeyPair(csr.getPublicKey(), null)).build();

        String body = put(fields(issued.certificatePem(), TestPki.pem(PKI.intermediate()), null)).statusCode(200)
            .body("fingerprint", equalTo(issued.fingerprint()))
            .body("keyAlgorithm", equalTo("EC"))
            .extract().asString();

        assertThat(csrPem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(body).doesNotContain("PRIVATE");
        assertThat(PresentedCertificates.afterSmtpStartTls(server.smtpPort())).isEqualTo(issued.fingerprint());
        put(fields(PKI.serverLeaf(HOST).build().chainPem(), null, null)).statusCode(400).body("type", equalTo("no-private-key"));
    }

    @Test
    void noPrivateKeyOrPasswordIsLoggedOrAnswered() {
        TestCredential credential = PKI.serverLeaf(HOST).build();
        String password = "Tr0ub4dor&3-tls";
        String keyLine = credential.privateKeyPkcs8Pem().lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        String encryptedKeyLine = credential.encryptedPrivateKeyPem(password).lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        Map<String, String> encrypted = fields(credential.chainPem(), null, credential.encryptedPrivateKeyPem(password));
        encrypted.put("privateKeyPassword", password);
        Map<String, String> wrongPassword = new HashMap<>(encrypted);
        wrongPassword.put("privateKeyPassword", "wrong-" + password);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previousLevel = root.getLevel();
        List<String> verbose = List.of("org.hostedsmime", "org.apache.james.webadmin");
        List<String> answers = new ArrayList<>();
        try {
            root.setLevel(Level.INFO);
            verbose.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.ALL));
            appender.start();
            root.addAppender(appender);

            answers.add(put(wrongPassword).statusCode(400).extract().asString());
            answers.add(put(fields(credential.chainPem(), null, "-----BEGIN PRIVATE KEY-----\n" + keyLine + "\n-----END PRIVATE KEY-----\n"))
                .statusCode(400).extract().asString());
            answers.add(put(encrypted).statusCode(200).extract().asString());
            answers.add(given(server.webAdmin()).get("/tls/certificate/previous").then().statusCode(200).extract().asString());
        } finally {
            root.detachAppender(appender);
            root.setLevel(previousLevel);
            verbose.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
        }

        assertThat(appender.list).isNotEmpty();
        List<String> logged = new ArrayList<>(answers);
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            logged.add(event.getFormattedMessage());
            logged.add(String.valueOf(event.getMDCPropertyMap()));
            if (event.getThrowableProxy() != null) {
                logged.add(event.getThrowableProxy().getMessage());
            }
        }
        assertThat(logged).allSatisfy(text -> assertThat(text)
            .doesNotContain(password)
            .doesNotContain(keyLine)
            .doesNotContain(encryptedKeyLine)
            .doesNotContain("PRIVATE KEY-----"));
    }
}
