package org.hostedsmime.it.certificates;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Base64;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.ValidatableResponse;

/** The administrator's side on a real James: enabling S/MIME per domain, trust anchors, CRLs. */
class DomainTrustRoutesTest {
    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder().build();

    private static final TestPki ORGANISATION = TestPki.create("Domain routes");
    private static final TestPki PARTNER = TestPki.create("Partner");
    private static int domains;

    private RunningJames server;
    private String domain;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer);
        domain = "d" + (++domains) + ".example";
        server.domain(domain);
    }

    private String base() {
        return "/smime/domains/" + domain;
    }

    private ValidatableResponse postAnchors(String body) {
        return given(server.webAdmin()).contentType("application/x-pem-file").body(body).post(base() + "/trust-anchors").then();
    }

    private ValidatableResponse postCrl(byte[] body) {
        return given(server.webAdmin()).contentType("application/pkix-crl").body(body).post(base() + "/crls").then();
    }

    @Test
    void aServedDomainStartsDisabledWithoutAnchors() {
        given(server.webAdmin()).get(base()).then()
            .statusCode(200)
            .body("domain", equalTo(domain))
            .body("enabled", equalTo(false))
            .body("trustAnchors", hasSize(0));
    }

    @Test
    void enableAndDisable() {
        given(server.webAdmin()).body("{\"enabled\":true}").put(base()).then().statusCode(204);
        given(server.webAdmin()).get(base()).then().body("enabled", equalTo(true));

        given(server.webAdmin()).body("{\"enabled\":false}").put(base()).then().statusCode(204);
        given(server.webAdmin()).get(base()).then().body("enabled", equalTo(false));
    }

    @Test
    void enablingNeedsABoolean() {
        given(server.webAdmin()).body("{}").put(base()).then().statusCode(400).body("type", equalTo("invalid-argument"));
    }

    @Test
    void unknownDomainIsNotFound() {
        given(server.webAdmin()).get("/smime/domains/not-served.example").then()
            .statusCode(404).body("type", equalTo("domain-not-found"));
        given(server.webAdmin()).body("{\"enabled\":true}").put("/smime/domains/not-served.example").then()
            .statusCode(404).body("type", equalTo("domain-not-found"));
        postAnchorsTo("not-served.example", TestPki.pem(ORGANISATION.root())).statusCode(404).body("type", equalTo("domain-not-found"));
    }

    private ValidatableResponse postAnchorsTo(String otherDomain, String body) {
        return given(server.webAdmin()).body(body).post("/smime/domains/" + otherDomain + "/trust-anchors").then();
    }

    @Test
    void aPemBundleAddsEveryAnchorItHolds() {
        String bundle = "Organisation root\r\n" + TestPki.pem(ORGANISATION.root()) + "\r\nPartner root\r\n" + TestPki.pem(PARTNER.root());

        postAnchors(bundle)
            .statusCode(201)
            .body("", hasSize(2))
            .body("[0].fingerprint", equalTo(Fingerprint.of(ORGANISATION.root()).value()))
            .body("[0].subject", equalTo(ORGANISATION.root().getSubjectX500Principal().getName()))
            .body("[0].notAfter", notNullValue());

        given(server.webAdmin()).get(base() + "/trust-anchors").then().body("", hasSize(2));
        given(server.webAdmin()).get(base()).then().body("trustAnchors", hasSize(2));
    }

    @Test
    void aDerCertificateIsAcceptedToo() throws Exception {
        given(server.webAdmin()).contentType("application/pkix-cert").body(ORGANISATION.root().getEncoded())
            .post(base() + "/trust-anchors").then()
            .statusCode(201)
            .body("[0].fingerprint", equalTo(Fingerprint.of(ORGANISATION.root()).value()));
    }

    @Test
    void garbageIsCorrupt() {
        postAnchors("-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n")
            .statusCode(400).body("type", equalTo("corrupt"));
        postAnchors("hello").statusCode(400).body("type", equalTo("corrupt"));
    }

    @Test
    void anEndEntityCertificateIsNotAnAnchor() {
        postAnchors(ORGANISATION.smimeLeaf("someone@" + domain).build().certificatePem())
            .statusCode(400).body("type", equalTo("not-a-ca"));
    }

    @Test
    void deleteAnAnchor() {
        postAnchors(TestPki.pem(ORGANISATION.root()) + TestPki.pem(PARTNER.root())).statusCode(201);

        given(server.webAdmin()).delete(base() + "/trust-anchors/" + Fingerprint.of(ORGANISATION.root()).value()).then().statusCode(204);

        given(server.webAdmin()).get(base() + "/trust-anchors").then()
            .body("", hasSize(1))
            .body("[0].fingerprint", equalTo(Fingerprint.of(PARTNER.root()).value()));
        given(server.webAdmin()).delete(base() + "/trust-anchors/" + Fingerprint.of(ORGANISATION.root()).value()).then()
            .statusCode(404).body("type", equalTo("trust-anchor-not-found"));
    }

    @Test
    void aCrlSignedByAnAnchorIsInstalledAndDescribed() throws Exception {
        postAnchors(TestPki.pem(ORGANISATION.root())).statusCode(201);

        postCrl(TestPki.pem(ORGANISATION.rootCrl(ORGANISATION.intermediate())).getBytes())
            .statusCode(201)
            .body("issuer", equalTo(ORGANISATION.root().getSubjectX500Principal().getName()))
            .body("revokedCount", equalTo(1))
            .body("thisUpdate", notNullValue())
            .body("nextUpdate", notNullValue());
        given(server.webAdmin()).get(base() + "/crls").then().body("", hasSize(1));
    }

    @Test
    void aDerCrlIsAcceptedToo() throws Exception {
        postAnchors(TestPki.pem(ORGANISATION.root())).statusCode(201);

        postCrl(ORGANISATION.rootCrl().getEncoded()).statusCode(201).body("revokedCount", equalTo(0));
    }

    @Test
    void aCrlFromAnUnknownCaIsUntrusted() {
        postAnchors(TestPki.pem(ORGANISATION.root())).statusCode(201);

        postCrl(TestPki.pem(PARTNER.rootCrl()).getBytes()).statusCode(400).body("type", equalTo("untrusted-crl"));
        // The organisation's intermediate is not known to the domain until a chain introduces it.
        postCrl(TestPki.pem(ORGANISATION.intermediateCrl()).getBytes()).statusCode(400).body("type", equalTo("untrusted-crl"));
    }

    @Test
    void aCrlFromAnIntermediateBecomesAcceptableOnceAUsersChainIntroducedIt() throws Exception {
        String user = "carol@" + domain;
        server.user(user);
        given(server.webAdmin()).body("{\"enabled\":true}").put(base()).then().statusCode(204);
        postAnchors(TestPki.pem(ORGANISATION.root())).statusCode(201);
        given(server.webAdmin())
            .body(Map.of("pkcs12", Base64.getEncoder().encodeToString(ORGANISATION.smimeLeaf(user).build().pkcs12("pw")), "password", "pw"))
            .post("/smime/users/" + user + "/certificates").then().statusCode(201);

        postCrl(TestPki.pem(ORGANISATION.intermediateCrl()).getBytes()).statusCode(201)
            .body("issuer", equalTo(ORGANISATION.intermediate().getSubjectX500Principal().getName()));
    }

    @Test
    void aNewerCrlReplacesTheOlderOneFromTheSameIssuerButNotTheOtherWayRound() throws Exception {
        postAnchors(TestPki.pem(ORGANISATION.root())).statusCode(201);
        String older = TestPki.pem(ORGANISATION.rootCrl());
        Thread.sleep(1100);
        String newer = TestPki.pem(ORGANISATION.rootCrl(ORGANISATION.intermediate()));

        postCrl(older.getBytes()).statusCode(201);
        postCrl(newer.getBytes()).statusCode(201);
        given(server.webAdmin()).get(base() + "/crls").then().body("", hasSize(1)).body("[0].revokedCount", equalTo(1));

        postCrl(older.getBytes()).statusCode(409).body("type", equalTo("stale-crl"));
    }

    @Test
    void garbageCrlIsCorrupt() {
        postCrl("not a crl".getBytes()).statusCode(400).body("type", equalTo("corrupt"));
    }

    @Test
    void errorBodiesFollowJamesShape() {
        given(server.webAdmin()).get("/smime/domains/not-served.example").then()
            .statusCode(404)
            .body("statusCode", equalTo(404))
            .body("type", equalTo("domain-not-found"))
            .body("message", equalTo("This server does not serve the domain not-served.example."))
            .body("details", equalTo(Map.of("domain", "not-served.example")));
    }
}
