package org.hostedsmime.it.harness;

import static io.restassured.RestAssured.given;

import java.util.Base64;
import java.util.Map;

import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;

/** The S/MIME administration a test needs before it sends mail, done through WebAdmin as an administrator would. */
public class SmimeAdmin {
    private static final String PKCS12_PASSWORD = "test-pkcs12-password";

    private final RunningJames server;

    public SmimeAdmin(RunningJames server) {
        this.server = server;
    }

    /** Enables S/MIME for the domain (creating it if needed) and trusts the PKI's root there. */
    public SmimeAdmin enableDomain(String domain, TestPki trusted) throws Exception {
        server.domain(domain);
        given(server.webAdmin()).body("{\"enabled\":true}").put("/smime/domains/" + domain).then().statusCode(204);
        given(server.webAdmin()).contentType("application/x-pem-file").body(TestPki.pem(trusted.root()))
            .post("/smime/domains/" + domain + "/trust-anchors").then().statusCode(201);
        return this;
    }

    /** Creates the user if needed and hosts the certificate for them. */
    public SmimeAdmin host(String user, TestCredential credential) throws Exception {
        server.user(user);
        given(server.webAdmin())
            .body(Map.of("pkcs12", Base64.getEncoder().encodeToString(credential.pkcs12(PKCS12_PASSWORD)), "password", PKCS12_PASSWORD))
            .post("/smime/users/" + user + "/certificates").then().statusCode(201);
        return this;
    }

    /** Sets the user's S/MIME settings, e.g. {@code {"sign": true, "encrypt": true, "missingKeyPolicy": "split"}}. */
    public SmimeAdmin settings(String user, String json) {
        given(server.webAdmin()).body(json).put("/smime/users/" + user + "/settings").then().statusCode(200);
        return this;
    }

    /** Imports a correspondent's public certificate into the key directory. */
    public SmimeAdmin importToDirectory(TestCredential credential) {
        given(server.webAdmin()).contentType("application/x-pem-file").body(credential.chainPem())
            .post("/smime/directory").then().statusCode(201);
        return this;
    }
}
