package org.hostedsmime.it.harness;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.awaitility.Awaitility;

/**
 * A small IMAP4rev1 client for tests that reads literals by their byte count, so a fetched message is
 * exactly the bytes the server stores: what an IMAP client would see.
 */
public class ImapClient implements Closeable {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS_MESSAGES = Pattern.compile("MESSAGES (\\d+)", Pattern.CASE_INSENSITIVE);

    /** A tagged exchange: the untagged lines (literals inlined as they came) and the literals alone. */
    public record Response(String status, String statusLine, List<String> lines, List<byte[]> literals) {
        public boolean ok() {
            return status.equals("OK");
        }

        public String text() {
            return String.join("\n", lines) + "\n" + statusLine;
        }
    }

    private final ProtocolConnection connection;
    private final java.util.Deque<String> transcript = new java.util.ArrayDeque<>();
    private int tag;

    private ImapClient(ProtocolConnection connection) {
        this.connection = connection;
    }

    public static ImapClient connect(int port) throws IOException {
        ImapClient client = new ImapClient(new ProtocolConnection(port));
        String greeting = client.connection.readLine();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("Unexpected IMAP greeting: " + greeting);
        }
        return client;
    }

    public static ImapClient login(int port, String user, String password) throws IOException {
        return connect(port).login(user, password);
    }

    public ImapClient startTls(SSLContext context) throws IOException {
        expectOk(command("STARTTLS"));
        connection.upgradeToTls(context);
        return this;
    }

    public Optional<X509Certificate> serverCertificate() {
        return connection.peerLeafCertificate();
    }

    public ImapClient login(String user, String password) throws IOException {
        expectOk(command("LOGIN " + quoted(user) + " " + quoted(password)));
        return this;
    }

    /** Selects a mailbox and returns its message count. */
    public int select(String mailbox) throws IOException {
        Response response = expectOk(command("SELECT " + quoted(mailbox)));
        return response.lines().stream()
            .map(EXISTS::matcher)
            .filter(Matcher::find)
            .map(matcher -> Integer.parseInt(matcher.group(1)))
            .findFirst()
            .orElse(0);
    }

    public int messageCount(String mailbox) throws IOException {
        Response response = expectOk(command("STATUS " + quoted(mailbox) + " (MESSAGES)"));
        Matcher matcher = STATUS_MESSAGES.matcher(response.text());
        if (!matcher.find()) {
            throw new IOException("No MESSAGES in STATUS response: " + response.text());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Waits until the mailbox holds at least {@code count} messages, then selects it. */
    public ImapClient awaitMessages(String mailbox, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .ignoreExceptions()
            .until(() -> messageCount(mailbox) >= count);
        try {
            select(mailbox);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        return this;
    }

    /** The whole message, as stored: {@code BODY.PEEK[]} of the message at {@code sequence} (1-based). */
    public byte[] fetchMessage(int sequence) throws IOException {
        return fetchLiteral(sequence, "BODY.PEEK[]");
    }

    /** The whole message decoded as UTF-8 (8-bit text sent by {@link SmtpClient} reads back as written). */
    public String fetchMessageAsString(int sequence) throws IOException {
        return new String(fetchMessage(sequence), StandardCharsets.UTF_8);
    }

    /** The header block of the message at {@code sequence}, ending with the empty line. */
    public String fetchHeaders(int sequence) throws IOException {
        return new String(fetchLiteral(sequence, "BODY.PEEK[HEADER]"), StandardCharsets.ISO_8859_1);
    }

    private byte[] fetchLiteral(int sequence, String item) throws IOException {
        Response response = expectOk(command("FETCH " + sequence + " (" + item + ")"));
        if (response.literals().isEmpty()) {
            throw new IOException("No literal in FETCH response: " + response.text() + "\nTranscript:\n" + String.join("\n", transcript));
        }
        return response.literals().get(0);
    }

    public Response command(String command) throws IOException {
        String currentTag = "t" + (++tag);
        connection.writeLine(currentTag + " " + command);
        transcript.addLast("C: " + (command.startsWith("LOGIN") ? "LOGIN ..." : command));
        List<String> lines = new ArrayList<>();
        List<byte[]> literals = new ArrayList<>();
        while (true) {
            String line = readLogicalLine(literals);
            if (line.startsWith(currentTag + " ")) {
                String rest = line.substring(currentTag.length() + 1);
                String status = rest.split(" ", 2)[0].toUpperCase();
                return new Response(status, line, lines, literals);
            }
            lines.add(line);
        }
    }

    private String readLogicalLine(List<byte[]> literals) throws IOException {
        StringBuilder logical = new StringBuilder();
        while (true) {
            String line = connection.readLine();
            transcript.addLast("S: " + (line.length() > 200 ? line.substring(0, 200) + "..." : line));
            if (transcript.size() > 40) {
                transcript.removeFirst();
            }
            logical.append(line);
            Matcher literal = LITERAL.matcher(line);
            if (!literal.find()) {
                return logical.toString();
            }
            byte[] bytes = connection.readBytes(Integer.parseInt(literal.group(1)));
            literals.add(bytes);
            logical.append("\r\n").append(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    private static Response expectOk(Response response) throws IOException {
        if (!response.ok()) {
            throw new IOException("IMAP command failed: " + response.statusLine());
        }
        return response;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        try {
            command("LOGOUT");
        } catch (IOException e) {
            // Already gone: closing the socket is what matters.
        } finally {
            connection.close();
        }
    }

}
