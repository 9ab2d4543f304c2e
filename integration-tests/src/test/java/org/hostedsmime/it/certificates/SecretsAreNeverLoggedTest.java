package org.hostedsmime.it.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.hostedsmime.it.harness.RunningJames;
import org.hostedsmime.it.harness.SmimeJamesServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Imports with the log levels an operator runs (INFO, and everything for this extension and WebAdmin), then
 * reads every log event (message, arguments, MDC, exception): no PKCS#12 password, file or private key may
 * appear, even though James's WebAdmin logs request bodies.
 */
class SecretsAreNeverLoggedTest {
    @RegisterExtension
    static JamesServerExtension james = SmimeJamesServerExtension.builder().build();

    private static final String DOMAIN = "secrets.example";
    private static final String USER = "alice@" + DOMAIN;
    private static final TestPki PKI = TestPki.create("Secrets");
    private static final String PASSWORD = "Tr0ub4dor&3-never-logged";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private static final List<String> VERBOSE = List.of("org.hostedsmime", "org.apache.james.webadmin");

    private Logger root;
    private Level previousLevel;
    private RunningJames server;

    @BeforeEach
    void setUp(GuiceJamesServer guiceJamesServer) throws Exception {
        server = new RunningJames(guiceJamesServer).user(USER);
        given(server.webAdmin()).body("{\"enabled\":true}").put("/smime/domains/" + DOMAIN).then().statusCode(204);
        given(server.webAdmin()).body(TestPki.pem(PKI.root())).post("/smime/domains/" + DOMAIN + "/trust-anchors").then().statusCode(201);

        root = context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.INFO);
        VERBOSE.forEach(name -> context().getLogger(name).setLevel(Level.ALL));
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        VERBOSE.forEach(name -> context().getLogger(name).setLevel(null));
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    @Test
    void importsSucceedingAndFailingLogNoSecret() {
        TestCredential credential = PKI.smimeLeaf(USER).build();
        String pkcs12 = Base64.getEncoder().encodeToString(credential.pkcs12(PASSWORD));

        given(server.webAdmin()).body(Map.of("pkcs12", pkcs12, "password", "wrong-" + PASSWORD))
            .post("/smime/users/" + USER + "/certificates").then().statusCode(400);
        given(server.webAdmin()).body(Map.of("pkcs12", pkcs12, "password", PASSWORD))
            .post("/smime/users/" + USER + "/certificates").then().statusCode(201);
        given(server.webAdmin()).body(Map.of("pkcs12", pkcs12, "password", PASSWORD))
            .post("/smime/users/" + USER + "/certificates").then().statusCode(409);
        given(server.webAdmin()).body("{\"pkcs12\":\"" + pkcs12 + "\",\"password\":\"" + PASSWORD + "\"")
            .post("/smime/users/" + USER + "/certificates").then().statusCode(400);

        String privateKey = credential.privateKeyPkcs8Pem().lines()
            .filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        assertThat(appender.list).isNotEmpty();
        for (String logged : everythingLogged()) {
            assertThat(logged)
                .doesNotContain(PASSWORD)
                .doesNotContain(pkcs12.substring(0, 64))
                .doesNotContain(privateKey);
        }
    }

    private List<String> everythingLogged() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            texts.add(event.getFormattedMessage());
            texts.add(String.valueOf(event.getMDCPropertyMap()));
            texts.add(String.valueOf(event.getKeyValuePairs()));
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    texts.add(String.valueOf(argument));
                }
            }
            if (event.getThrowableProxy() != null) {
                texts.add(event.getThrowableProxy().getMessage());
            }
        }
        return texts;
    }
}
