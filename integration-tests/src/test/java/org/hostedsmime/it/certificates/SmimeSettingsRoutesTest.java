package org.hostedsmime.it.certificates;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-user switches on a real James: defaults, "encryption always signs", signing needs a usable certificate. */
class SmimeSettingsRoutesTest {
    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder().build();

    private static final String DOMAIN = "settings.example";
    private static final TestPki PKI = TestPki.create("Settings");
    private static final AtomicInteger USERS = new AtomicInteger();

    private RunningJames server;
    private String user;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer);
        server.domain(DOMAIN).domain("off.example");
        user = "user" + USERS.incrementAndGet() + "@" + DOMAIN;
        server.user(user);
        given(server.webAdmin()).body("{\"enabled\":true}").put("/smime/domains/" + DOMAIN).then().statusCode(204);
        given(server.webAdmin()).body(TestPki.pem(PKI.root())).post("/smime/domains/" + DOMAIN + "/trust-anchors").then().statusCode(201);
    }

    private void importCertificate(TestCredential credential) {
        given(server.webAdmin())
            .body(Map.of("pkcs12", Base64.getEncoder().encodeToString(credential.pkcs12("pw")), "password", "pw"))
            .post("/smime/users/" + user + "/certificates").then().statusCode(201);
    }

    private String settings() {
        return "/smime/users/" + user + "/settings";
    }

    @Test
    void defaultsAreOffWithBounce() {
        given(server.webAdmin()).get(settings()).then()
            .statusCode(200)
            .body("sign", equalTo(false))
            .body("encrypt", equalTo(false))
            .body("missingKeyPolicy", equalTo("bounce"));
    }

    @Test
    void encryptionWithoutSignatureIsRefused() {
        importCertificate(PKI.smimeLeaf(user).build());

        given(server.webAdmin()).body("{\"sign\":false,\"encrypt\":true}").put(settings()).then()
            .statusCode(400).body("type", equalTo("encryption-requires-signature"));
    }

    @Test
    void signingNeedsAValidDefaultCertificate() {
        given(server.webAdmin()).body("{\"sign\":true}").put(settings()).then()
            .statusCode(409).body("type", equalTo("no-certificate"));

        importCertificate(PKI.smimeLeaf(user).build());

        given(server.webAdmin()).body("{\"sign\":true,\"encrypt\":true,\"missingKeyPolicy\":\"split\"}").put(settings()).then()
            .statusCode(200)
            .body("sign", equalTo(true)).body("encrypt", equalTo(true)).body("missingKeyPolicy", equalTo("split"));
        given(server.webAdmin()).get(settings()).then()
            .body("sign", equalTo(true)).body("encrypt", equalTo(true)).body("missingKeyPolicy", equalTo("split"));
    }

    @Test
    void aPartialChangeKeepsTheOtherFields() {
        importCertificate(PKI.smimeLeaf(user).build());
        given(server.webAdmin()).body("{\"sign\":true,\"encrypt\":true}").put(settings()).then().statusCode(200);

        given(server.webAdmin()).body("{\"missingKeyPolicy\":\"sign-only\"}").put(settings()).then()
            .statusCode(200)
            .body("sign", equalTo(true)).body("encrypt", equalTo(true)).body("missingKeyPolicy", equalTo("sign-only"));
        given(server.webAdmin()).body("{\"encrypt\":false}").put(settings()).then()
            .statusCode(200).body("sign", equalTo(true)).body("encrypt", equalTo(false));
    }

    @Test
    void turningSigningOffNeedsNoCertificate() {
        given(server.webAdmin()).body("{\"sign\":false,\"encrypt\":false,\"missingKeyPolicy\":\"split\"}").put(settings()).then()
            .statusCode(200).body("missingKeyPolicy", equalTo("split"));
    }

    @Test
    void unknownPolicyIsAnInvalidArgument() {
        given(server.webAdmin()).body("{\"missingKeyPolicy\":\"drop\"}").put(settings()).then()
            .statusCode(400).body("type", equalTo("invalid-argument"));
    }

    @Test
    void domainWithSmimeOffCannotTurnSigningOn() throws Exception {
        server.user("dave@off.example");

        given(server.webAdmin()).body("{\"sign\":true}").put("/smime/users/dave@off.example/settings").then()
            .statusCode(409).body("type", equalTo("smime-disabled"));
    }

    @Test
    void unknownUserIsNotFound() {
        given(server.webAdmin()).get("/smime/users/ghost@" + DOMAIN + "/settings").then()
            .statusCode(404).body("type", equalTo("user-not-found"));
    }

    @Test
    void chineseMessageForEncryptionWithoutSignature() {
        given(server.webAdmin()).header("Accept-Language", "zh-CN").body("{\"sign\":false,\"encrypt\":true}").put(settings()).then()
            .statusCode(400).body("message", equalTo("加密邮件必须带上数字签名，开启邮件加密需同时开启数字签名。"));
    }
}
