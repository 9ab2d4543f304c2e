package org.hostedsmime.it.certificates;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With WebAdmin's JWT authentication on, the S/MIME routes are behind it like James's own routes. */
class WebAdminAuthenticationTest {
    private static final KeyPair JWT_KEYS = rsaKeyPair();

    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder()
        .editConf("webadmin.properties", conf -> conf.replace("jwt.enabled=false", "jwt.enabled=true")
            + "\njwt.publickeypem.url=file://conf/jwt_publickey\n")
        .editConf("jwt_publickey", ignored -> "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(JWT_KEYS.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n")
        .build();

    private RunningJames server;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer).domain("jwt.example");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given(server.webAdmin()).get("/smime/domains/jwt.example").then().statusCode(401);
        given(server.webAdmin()).body("{\"enabled\":true}").put("/smime/domains/jwt.example").then().statusCode(401);
        given(server.webAdmin()).get("/smime/users/alice@jwt.example/certificates").then().statusCode(401);
    }

    @Test
    void requestWithANonAdminTokenIsUnauthorized() throws Exception {
        given(server.webAdmin()).header("Authorization", "Bearer " + token(false))
            .get("/smime/domains/jwt.example").then().statusCode(401);
    }

    @Test
    void requestWithAnAdminTokenIsServed() throws Exception {
        given(server.webAdmin()).header("Authorization", "Bearer " + token(true))
            .get("/smime/domains/jwt.example").then()
            .statusCode(200)
            .body("domain", equalTo("jwt.example"));
    }

    private static String token(boolean admin) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"sub\":\"admin@jwt.example\",\"admin\":" + admin
            + ",\"iat\":" + Instant.now().getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(JWT_KEYS.getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + url.encodeToString(signature.sign());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
