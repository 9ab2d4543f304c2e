package org.hostedsmime.it.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.hostedsmime.core.testing.TestBytes;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Importing users' PKCS#12 files through WebAdmin on a real James: every check of the product documents,
 * each with its stable error type, the Chinese texts, the default-certificate rules and deletion.
 */
class UserCertificateRoutesTest {
    private static final int LIMIT = 3;

    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder()
        .editConf("smime.properties", conf -> conf.replace("certificates.maxPerUser=30", "certificates.maxPerUser=" + LIMIT))
        .build();

    static final String DOMAIN = "example.org";
    static final TestPki ORGANISATION = TestPki.create("Example Org");
    static final TestPki STRANGER = TestPki.create("Stranger");
    private static final String PASSWORD = "correct horse";
    private static final AtomicInteger USERS = new AtomicInteger();

    private RunningJames server;
    private String user;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer);
        server.domain(DOMAIN).domain("disabled.example");
        user = "user" + USERS.incrementAndGet() + "@" + DOMAIN;
        server.user(user);
        given(server.webAdmin()).body("{\"enabled\":true}").put("/smime/domains/" + DOMAIN).then().statusCode(204);
        given(server.webAdmin()).contentType("application/x-pem-file").body(TestPki.pem(ORGANISATION.root()))
            .post("/smime/domains/" + DOMAIN + "/trust-anchors").then().statusCode(201);
    }

    private ValidatableResponse importJson(String owner, byte[] pkcs12, String password) {
        return given(server.webAdmin())
            .body(Map.of("pkcs12", Base64.getEncoder().encodeToString(pkcs12), "password", password))
            .post("/smime/users/" + owner + "/certificates")
            .then();
    }

    private ValidatableResponse importJson(byte[] pkcs12) {
        return importJson(user, pkcs12, PASSWORD);
    }

    private ValidatableResponse refusedWith(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
            .body("statusCode", equalTo(status))
            .body("type", equalTo(type))
            .body("message", not(equalTo("")));
    }

    @Test
    void importReturnsTheCertificateDetailsWithoutThePrivateKey() {
        TestCredential credential = ORGANISATION.smimeLeaf(user).build();

        String body = importJson(credential.pkcs12(PASSWORD))
            .statusCode(201)
            .body("fingerprint", equalTo(credential.fingerprint()))
            .body("subject", containsString(user))
            .body("issuer", containsString("Example Org Intermediate CA"))
            .body("serialNumber", equalTo(credential.certificate().getSerialNumber().toString(16)))
            .body("emailAddresses", equalTo(List.of(user)))
            .body("keyAlgorithm", equalTo("RSA"))
            .body("keySize", equalTo(2048))
            .body("signatureAlgorithm", equalTo("SHA256withRSA"))
            .body("keyUsage", equalTo(List.of("digitalSignature", "keyEncipherment")))
            .body("status", equalTo("valid"))
            .body("default", equalTo(true))
            .body("pem", equalTo(credential.certificatePem()))
            .extract().asString();

        assertThat(body).doesNotContain("PRIVATE KEY").doesNotContain(PASSWORD);
    }

    @Test
    void importAcceptsAMultipartFormAsAWebFormSendsIt() {
        TestCredential credential = ORGANISATION.smimeLeaf(user).build();

        given(server.webAdmin())
            .contentType(ContentType.MULTIPART)
            .multiPart("file", "alice.p12", credential.pkcs12(PASSWORD), "application/x-pkcs12")
            .multiPart("password", PASSWORD)
            .post("/smime/users/" + user + "/certificates")
            .then()
            .statusCode(201)
            .body("fingerprint", equalTo(credential.fingerprint()));
    }

    @Test
    void importAcceptsLegacyPkcs12AsOlderWindowsAndJavaExportIt() {
        TestCredential credential = ORGANISATION.smimeLeaf(user).build();

        importJson(credential.pkcs12Legacy(PASSWORD)).statusCode(201).body("fingerprint", equalTo(credential.fingerprint()));
    }

    @Test
    void notPkcs12IsCorrupt() {
        refusedWith(importJson("this is not a certificate".getBytes()), 400, "corrupt");
    }

    @Test
    void truncatedPkcs12IsCorrupt() {
        refusedWith(importJson(TestBytes.truncated(ORGANISATION.smimeLeaf(user).build().pkcs12(PASSWORD))), 400, "corrupt");
    }

    @Test
    void wrongPasswordIsRefused() {
        refusedWith(importJson(user, ORGANISATION.smimeLeaf(user).build().pkcs12(PASSWORD), "wrong"), 400, "wrong-password");
    }

    @Test
    void pkcs12WithoutKeyIsRefused() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).build().pkcs12WithoutKey(PASSWORD)), 400, "no-private-key");
    }

    @Test
    void keyThatDoesNotMatchTheCertificateIsRefused() {
        TestCredential other = ORGANISATION.smimeLeaf(user).build();
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).build().pkcs12WithForeignKey(PASSWORD, other.privateKey())),
            400, "no-private-key");
    }

    @Test
    void sameCertificateTwiceIsADuplicate() {
        byte[] pkcs12 = ORGANISATION.smimeLeaf(user).build().pkcs12(PASSWORD);
        importJson(pkcs12).statusCode(201);

        refusedWith(importJson(pkcs12), 409, "duplicate");
    }

    @Test
    void certificateForAnotherAddressIsRefused() {
        refusedWith(importJson(ORGANISATION.smimeLeaf("someone.else@" + DOMAIN).build().pkcs12(PASSWORD)), 400, "address-mismatch")
            .body("details.emailAddresses", equalTo(List.of("someone.else@" + DOMAIN)));
    }

    @Test
    void addressOnlyInTheSubjectIsAccepted() {
        importJson(ORGANISATION.smimeLeaf(user).emailInSubjectOnly().build().pkcs12(PASSWORD)).statusCode(201);
    }

    @Test
    void addressesCompareCaseInsensitively() {
        importJson(ORGANISATION.smimeLeaf(user.toUpperCase()).build().pkcs12(PASSWORD)).statusCode(201);
    }

    @Test
    void limitOfCertificatesPerUserIsEnforced() {
        for (int i = 0; i < LIMIT; i++) {
            importJson(ORGANISATION.smimeLeaf(user).build().pkcs12(PASSWORD)).statusCode(201);
        }

        refusedWith(importJson(ORGANISATION.smimeLeaf(user).build().pkcs12(PASSWORD)), 409, "limit-reached")
            .body("details.limit", equalTo(LIMIT));
    }

    @Test
    void certificateFromAnUnknownCaIsUntrusted() {
        refusedWith(importJson(STRANGER.smimeLeaf(user).build().pkcs12(PASSWORD)), 400, "untrusted");
    }

    @Test
    void selfSignedCertificateIsUntrusted() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).selfSigned().build().pkcs12(PASSWORD)), 400, "untrusted");
    }

    @Test
    void expiredCertificateIsRefused() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).expired().build().pkcs12(PASSWORD)), 400, "expired");
    }

    @Test
    void notYetValidCertificateIsRefused() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).notYetValid().build().pkcs12(PASSWORD)), 400, "not-yet-valid");
    }

    @Test
    void revokedCertificateIsRefused() {
        TestCredential revoked = ORGANISATION.smimeLeaf(user).build();
        // The domain learns the intermediate CA from a chain it accepted; then its CRL can be installed.
        importJson(ORGANISATION.smimeLeaf(user).build().pkcs12(PASSWORD)).statusCode(201);
        uploadCrl(TestPki.pem(ORGANISATION.intermediateCrl(revoked.certificate()))).statusCode(201);

        refusedWith(importJson(revoked.pkcs12(PASSWORD)), 400, "revoked");
    }

    @Test
    void certificateUnderARevokedIntermediateIsRefused() {
        TestPki branch = TestPki.create("Revoked branch");
        given(server.webAdmin()).contentType("application/x-pem-file").body(TestPki.pem(branch.root()))
            .post("/smime/domains/" + DOMAIN + "/trust-anchors").then().statusCode(201);
        uploadCrl(TestPki.pem(branch.rootCrl(branch.intermediate()))).statusCode(201);

        refusedWith(importJson(branch.smimeLeaf(user).build().pkcs12(PASSWORD)), 400, "revoked");
    }

    @Test
    void sha1SignatureIsWeak() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).signatureAlgorithm("SHA1withRSA").build().pkcs12(PASSWORD)),
            400, "weak-algorithm");
    }

    @Test
    void rsa1024IsWeak() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).rsaKey(1024).build().pkcs12(PASSWORD)), 400, "weak-algorithm");
    }

    @Test
    void ec224IsWeakButP256IsFine() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).ecKey("secp224r1").build().pkcs12(PASSWORD)), 400, "weak-algorithm");
        importJson(ORGANISATION.smimeLeaf(user).ecKey("secp256r1").build().pkcs12(PASSWORD)).statusCode(201)
            .body("keyAlgorithm", equalTo("EC")).body("keySize", equalTo(256));
    }

    @Test
    void certificateWithoutEmailProtectionIsRefused() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).build().pkcs12(PASSWORD)),
            400, "wrong-key-usage");
    }

    @Test
    void domainWithoutSmimeRefusesImports() throws Exception {
        server.user("someone@disabled.example");
        refusedWith(importJson("someone@disabled.example", ORGANISATION.smimeLeaf("someone@disabled.example").build().pkcs12(PASSWORD), PASSWORD),
            409, "smime-disabled");
    }

    @Test
    void unknownUserIsNotFound() {
        refusedWith(importJson("ghost@" + DOMAIN, ORGANISATION.smimeLeaf("ghost@" + DOMAIN).build().pkcs12(PASSWORD), PASSWORD),
            404, "user-not-found");
        refusedWith(given(server.webAdmin()).get("/smime/users/ghost@" + DOMAIN + "/certificates").then(), 404, "user-not-found");
    }

    @Test
    void messagesAreInChineseWhenAsked() {
        byte[] pkcs12 = ORGANISATION.smimeLeaf(user).build().pkcs12(PASSWORD);
        importJson(pkcs12).statusCode(201);

        given(server.webAdmin())
            .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
            .body(Map.of("pkcs12", Base64.getEncoder().encodeToString(pkcs12), "password", PASSWORD))
            .post("/smime/users/" + user + "/certificates")
            .then()
            .statusCode(409)
            .body("type", equalTo("duplicate"))
            .body("message", equalTo("证书重复，已存在相同证书。"));
        given(server.webAdmin())
            .header("Accept-Language", "zh-CN")
            .body(Map.of("pkcs12", Base64.getEncoder().encodeToString(ORGANISATION.smimeLeaf(user).expired().build().pkcs12(PASSWORD)),
                "password", PASSWORD))
            .post("/smime/users/" + user + "/certificates")
            .then()
            .statusCode(400)
            .body("message", equalTo("该证书已过期，无法用于邮件加密与数字签名。"));
    }

    @Test
    void messagesAreInEnglishByDefault() {
        refusedWith(importJson(ORGANISATION.smimeLeaf(user).expired().build().pkcs12(PASSWORD)), 400, "expired")
            .body("message", equalTo("The certificate has expired and cannot be used for mail encryption and digital signatures."));
    }

    @Test
    void badJsonIsAnInvalidArgumentThatDoesNotEchoTheBody() {
        String body = given(server.webAdmin())
            .body("{\"pkcs12\": \"AAAA\", \"password\": \"hunter2-secret\"")
            .post("/smime/users/" + user + "/certificates")
            .then()
            .statusCode(400)
            .body("type", equalTo("invalid-argument"))
            .extract().asString();

        assertThat(body).doesNotContain("hunter2-secret");
    }

    @Test
    void firstCertificateIsTheDefaultAndTheDefaultCanBeChanged() {
        TestCredential first = ORGANISATION.smimeLeaf(user).build();
        TestCredential second = ORGANISATION.smimeLeaf(user).build();
        importJson(first.pkcs12(PASSWORD)).statusCode(201).body("default", equalTo(true));
        importJson(second.pkcs12(PASSWORD)).statusCode(201).body("default", equalTo(false));

        given(server.webAdmin()).put("/smime/users/" + user + "/certificates/" + second.fingerprint() + "/default")
            .then().statusCode(204);

        given(server.webAdmin()).get("/smime/users/" + user + "/certificates").then()
            .statusCode(200)
            .body("", hasSize(2))
            .body("find { it.fingerprint == '" + first.fingerprint() + "' }.default", equalTo(false))
            .body("find { it.fingerprint == '" + second.fingerprint() + "' }.default", equalTo(true));
    }

    @Test
    void deletingTheDefaultPromotesTheNewestRemainingValidCertificate() {
        Instant now = Instant.now();
        TestCredential current = ORGANISATION.smimeLeaf(user).validity(now.minus(1, ChronoUnit.DAYS), now.plus(300, ChronoUnit.DAYS)).build();
        TestCredential older = ORGANISATION.smimeLeaf(user).validity(now.minus(200, ChronoUnit.DAYS), now.plus(100, ChronoUnit.DAYS)).build();
        TestCredential newer = ORGANISATION.smimeLeaf(user).validity(now.minus(10, ChronoUnit.DAYS), now.plus(200, ChronoUnit.DAYS)).build();
        importJson(current.pkcs12(PASSWORD)).statusCode(201).body("default", equalTo(true));
        importJson(older.pkcs12(PASSWORD)).statusCode(201);
        importJson(newer.pkcs12(PASSWORD)).statusCode(201);

        given(server.webAdmin()).delete("/smime/users/" + user + "/certificates/" + current.fingerprint()).then().statusCode(204);

        given(server.webAdmin()).get("/smime/users/" + user + "/certificates/" + newer.fingerprint()).then()
            .statusCode(200).body("default", equalTo(true));
        given(server.webAdmin()).get("/smime/users/" + user + "/certificates/" + older.fingerprint()).then()
            .statusCode(200).body("default", equalTo(false));
    }

    @Test
    void deleteRemovesTheCertificateForGood() {
        TestCredential credential = ORGANISATION.smimeLeaf(user).build();
        importJson(credential.pkcs12(PASSWORD)).statusCode(201);

        given(server.webAdmin()).delete("/smime/users/" + user + "/certificates/" + credential.fingerprint()).then().statusCode(204);

        refusedWith(given(server.webAdmin()).get("/smime/users/" + user + "/certificates/" + credential.fingerprint()).then(),
            404, "certificate-not-found");
        given(server.webAdmin()).get("/smime/users/" + user + "/certificates").then().body("", hasSize(0));
        refusedWith(given(server.webAdmin()).delete("/smime/users/" + user + "/certificates/" + credential.fingerprint()).then(),
            404, "certificate-not-found");
        // The same file can be imported again afterwards: nothing of it was left behind.
        importJson(credential.pkcs12(PASSWORD)).statusCode(201);
    }

    @Test
    void statusIsRecomputedWhenRead() {
        TestCredential credential = ORGANISATION.smimeLeaf(user).build();
        importJson(credential.pkcs12(PASSWORD)).statusCode(201).body("status", equalTo("valid"));

        uploadCrl(TestPki.pem(ORGANISATION.intermediateCrl(credential.certificate()))).statusCode(201);

        given(server.webAdmin()).get("/smime/users/" + user + "/certificates/" + credential.fingerprint()).then()
            .statusCode(200).body("status", equalTo("revoked"));
        refusedWith(given(server.webAdmin()).put("/smime/users/" + user + "/certificates/" + credential.fingerprint() + "/default").then(),
            409, "certificate-not-usable");
    }

    @Test
    void malformedFingerprintIsAnInvalidArgument() {
        refusedWith(given(server.webAdmin()).get("/smime/users/" + user + "/certificates/not-a-fingerprint").then(),
            400, "invalid-argument");
    }

    private ValidatableResponse uploadCrl(String pem) {
        return given(server.webAdmin()).contentType("application/pkix-crl").body(pem)
            .post("/smime/domains/" + DOMAIN + "/crls").then();
    }
}
