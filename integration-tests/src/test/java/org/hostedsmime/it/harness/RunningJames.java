package org.hostedsmime.it.harness;

import java.io.IOException;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.Pop3GuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.WebAdminGuiceProbe;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The running server of a test: its ports, data set-up, and clients connected to it. */
public class RunningJames {
    public static final String PASSWORD = "secret";

    private final GuiceJamesServer server;

    public RunningJames(GuiceJamesServer server) {
        this.server = server;
    }

    public GuiceJamesServer server() {
        return server;
    }

    public int smtpPort() {
        return server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    public int imapPort() {
        return server.getProbe(ImapGuiceProbe.class).getImapStartTLSPort();
    }

    public int pop3Port() {
        return server.getProbe(Pop3GuiceProbe.class).getPop3Port();
    }

    public int webAdminPort() {
        return server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    public RunningJames domain(String domain) throws Exception {
        DataProbeImpl probe = server.getProbe(DataProbeImpl.class);
        if (!probe.containsDomain(domain)) {
            probe.addDomain(domain);
        }
        return this;
    }

    /** Creates the user (and its domain) with {@link #PASSWORD}, if not there yet. */
    public RunningJames user(String address) throws Exception {
        domain(address.substring(address.indexOf('@') + 1));
        DataProbeImpl probe = server.getProbe(DataProbeImpl.class);
        if (!java.util.Arrays.asList(probe.listUsers()).contains(address)) {
            probe.addUser(address, PASSWORD);
        }
        return this;
    }

    public SmtpClient smtp() throws IOException {
        return SmtpClient.connect(smtpPort());
    }

    /** Connected and authenticated as {@code address} (password {@link #PASSWORD}). */
    public SmtpClient smtpAs(String address) throws IOException {
        return smtp().authenticate(address, PASSWORD);
    }

    public ImapClient imapAs(String address) throws IOException {
        return ImapClient.login(imapPort(), address, PASSWORD);
    }

    /** REST Assured against WebAdmin, JSON by default. */
    public RequestSpecification webAdmin() {
        return new RequestSpecBuilder()
            .setBaseUri("http://127.0.0.1")
            .setPort(webAdminPort())
            .setContentType(ContentType.JSON)
            .setAccept(ContentType.JSON)
            .setConfig(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultContentCharset("UTF-8")
                .encodeContentTypeAs("application/x-pem-file", ContentType.TEXT)
                .encodeContentTypeAs("application/pkix-crl", ContentType.TEXT)
                .encodeContentTypeAs("application/pkix-cert", ContentType.BINARY)
                .encodeContentTypeAs("application/x-pkcs12", ContentType.BINARY)))
            .build();
    }
}
