package org.hostedsmime.it.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeAdmin;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key directory's lookup and administration API: what a business system calls before sending encrypted mail. */
class KeyDirectoryRoutesTest {
    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder().build();

    private static final TestPki PKI = TestPki.create("Directory routes");
    private static final TestPki STRANGER = TestPki.create("Directory stranger");
    private static int counter;

    private RunningJames server;
    private SmimeAdmin admin;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer);
        admin = new SmimeAdmin(server).enableDomain("example.org", PKI);
    }

    private String address() {
        return "person" + (++counter) + "@partner.example";
    }

    @Test
    void hostedUsersAreInTheDirectoryFromTheirImport() throws Exception {
        TestCredential alice = PKI.smimeLeaf("alice@example.org").build();
        admin.host("alice@example.org", alice);

        given(server.webAdmin()).get("/smime/directory/alice@example.org").then()
            .statusCode(200)
            .body("", hasSize(1))
            .body("[0].fingerprint", equalTo(alice.fingerprint()))
            .body("[0].source", equalTo("hosted"))
            .body("[0].status", equalTo("valid"))
            .body("[0].usable", equalTo(true))
            .body("[0].pem", equalTo(alice.certificatePem()));
    }

    @Test
    void anAdministratorImportsACorrespondentsCertificate() {
        String address = address();
        TestCredential correspondent = PKI.smimeLeaf(address).build();

        given(server.webAdmin()).contentType("application/x-pem-file").body(correspondent.chainPem()).post("/smime/directory").then()
            .statusCode(201)
            .body("[0].fingerprint", equalTo(correspondent.fingerprint()))
            .body("[0].source", equalTo("imported"));

        given(server.webAdmin()).get("/smime/directory/" + address.toUpperCase()).then()
            .statusCode(200).body("[0].source", equalTo("imported"));
        String pem = given(server.webAdmin()).get("/smime/directory/" + address + "/certificate").then()
            .statusCode(200).contentType("application/pem-certificate-chain").extract().asString();
        assertThat(pem).isEqualTo(correspondent.chainPem());
    }

    @Test
    void importsPassTheTrustChecks() {
        given(server.webAdmin()).contentType("application/x-pem-file").body(STRANGER.smimeLeaf(address()).build().chainPem())
            .post("/smime/directory").then().statusCode(400).body("type", equalTo("untrusted"));
        given(server.webAdmin()).contentType("application/x-pem-file").body(PKI.smimeLeaf(address()).expired().build().chainPem())
            .post("/smime/directory").then().statusCode(400).body("type", equalTo("expired"));
        given(server.webAdmin()).contentType("application/x-pem-file").body(PKI.serverLeaf("mail.partner.example").build().chainPem())
            .post("/smime/directory").then().statusCode(400).body("type", equalTo("no-email-address"));
        given(server.webAdmin()).contentType("application/x-pem-file").body("not a certificate")
            .post("/smime/directory").then().statusCode(400).body("type", equalTo("corrupt"));
    }

    @Test
    void unknownAddressIsNotFound() {
        given(server.webAdmin()).get("/smime/directory/nobody@partner.example").then()
            .statusCode(404).body("type", equalTo("no-certificate"))
            .body("message", equalTo("No usable public key (S/MIME certificate) is known for nobody@partner.example."));
        given(server.webAdmin()).get("/smime/directory/nobody@partner.example/certificate").then()
            .statusCode(404).body("type", equalTo("no-certificate"));
    }

    @Test
    void deleteAnImportedCertificateButNotAHostedOne() throws Exception {
        String address = address();
        TestCredential correspondent = PKI.smimeLeaf(address).build();
        given(server.webAdmin()).contentType("application/x-pem-file").body(correspondent.chainPem()).post("/smime/directory").then().statusCode(201);

        given(server.webAdmin()).delete("/smime/directory/" + address + "/" + correspondent.fingerprint()).then().statusCode(204);
        given(server.webAdmin()).get("/smime/directory/" + address).then().statusCode(404);
        given(server.webAdmin()).delete("/smime/directory/" + address + "/" + correspondent.fingerprint()).then()
            .statusCode(404).body("type", equalTo("certificate-not-found"));

        TestCredential bob = PKI.smimeLeaf("bob@example.org").build();
        admin.host("bob@example.org", bob);
        given(server.webAdmin()).delete("/smime/directory/bob@example.org/" + bob.fingerprint()).then()
            .statusCode(409).body("type", equalTo("hosted-certificate"));
    }

    @Test
    void theNewestUsableCertificateIsTheOneToEncryptTo() {
        String address = address();
        TestCredential older = PKI.smimeLeaf(address).validity(java.time.Instant.now().minus(java.time.Duration.ofDays(100)),
            java.time.Instant.now().plus(java.time.Duration.ofDays(100))).build();
        TestCredential newer = PKI.smimeLeaf(address).build();
        given(server.webAdmin()).contentType("application/x-pem-file").body(newer.chainPem()).post("/smime/directory").then().statusCode(201);
        given(server.webAdmin()).contentType("application/x-pem-file").body(older.chainPem()).post("/smime/directory").then().statusCode(201);

        given(server.webAdmin()).get("/smime/directory/" + address).then()
            .statusCode(200).body("", hasSize(2))
            .body("find { it.fingerprint == '" + newer.fingerprint() + "' }.usable", equalTo(true))
            .body("find { it.fingerprint == '" + older.fingerprint() + "' }.usable", equalTo(false));
        String pem = given(server.webAdmin()).get("/smime/directory/" + address + "/certificate").then().extract().asString();
        assertThat(pem).startsWith(newer.certificatePem());
    }
}
