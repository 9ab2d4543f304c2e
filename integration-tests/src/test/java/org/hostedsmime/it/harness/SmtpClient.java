package org.hostedsmime.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

/**
 * A small SMTP client for tests: EHLO, STARTTLS, AUTH PLAIN, one transaction at a time. The message is sent
 * byte for byte (line ends normalised to CRLF, as SMTP requires; dot-stuffed).
 */
public class SmtpClient implements Closeable {

    public record Reply(int code, List<String> lines) {
        public boolean isPositive() {
            return code >= 200 && code < 400;
        }

        public String text() {
            return String.join("\n", lines);
        }
    }

    public static class SmtpException extends IOException {
        private final Reply reply;

        SmtpException(String command, Reply reply) {
            super(command + " was refused: " + reply.code() + " " + reply.text());
            this.reply = reply;
        }

        public Reply reply() {
            return reply;
        }
    }

    private final ProtocolConnection connection;
    private List<String> extensions = List.of();

    private SmtpClient(ProtocolConnection connection) {
        this.connection = connection;
    }

    public static SmtpClient connect(int port) throws IOException {
        SmtpClient client = new SmtpClient(new ProtocolConnection(port));
        client.expect("greeting", client.readReply());
        client.ehlo();
        return client;
    }

    private void ehlo() throws IOException {
        Reply reply = command("EHLO client.test");
        extensions = reply.lines().stream().skip(1).toList();
    }

    public List<String> extensions() {
        return extensions;
    }

    public SmtpClient startTls(SSLContext context) throws IOException {
        command("STARTTLS");
        connection.upgradeToTls(context);
        ehlo();
        return this;
    }

    public Optional<X509Certificate> serverCertificate() {
        return connection.peerLeafCertificate();
    }

    public SmtpClient authenticate(String username, String password) throws IOException {
        String credentials = Base64.getEncoder().encodeToString(
            ("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8));
        command("AUTH PLAIN " + credentials);
        return this;
    }

    /** Sends {@code rawMessage} encoded as UTF-8. */
    public SmtpClient send(String from, List<String> recipients, String rawMessage) throws IOException {
        return send(from, recipients, rawMessage.getBytes(StandardCharsets.UTF_8));
    }

    public SmtpClient send(String from, List<String> recipients, byte[] rawMessage) throws IOException {
        command("MAIL FROM:<" + from + ">");
        for (String recipient : recipients) {
            command("RCPT TO:<" + recipient + ">");
        }
        Reply data = sendCommand("DATA");
        if (data.code() != 354) {
            throw new SmtpException("DATA", data);
        }
        connection.write(dotStuffed(rawMessage));
        expect("message data", readReply());
        return this;
    }

    public SmtpClient send(String from, String recipient, String rawMessage) throws IOException {
        return send(from, List.of(recipient), rawMessage);
    }

    /** Sends a command and returns the reply, whatever it is. */
    public Reply sendCommand(String line) throws IOException {
        connection.writeLine(line);
        return readReply();
    }

    private Reply command(String line) throws IOException {
        return expect(line.startsWith("AUTH") ? "AUTH" : line, sendCommand(line));
    }

    private Reply expect(String what, Reply reply) throws SmtpException {
        if (!reply.isPositive()) {
            throw new SmtpException(what, reply);
        }
        return reply;
    }

    private Reply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = connection.readLine();
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() < 4 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    /** CRLF line ends (bare LF converted), dot-stuffed, terminated by CRLF.CRLF. */
    static byte[] dotStuffed(byte[] rawMessage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rawMessage.length + 64);
        boolean lineStart = true;
        for (int i = 0; i < rawMessage.length; i++) {
            byte b = rawMessage[i];
            if (lineStart && b == '.') {
                out.write('.');
            }
            if (b == '\n' && (i == 0 || rawMessage[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            sendCommand("QUIT");
        } catch (IOException e) {
            // The server may already have gone; closing the socket is what matters.
        } finally {
            connection.close();
        }
    }
}
