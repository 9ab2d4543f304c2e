package org.hostedsmime.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * "The outside world" of a test: an SMTP server on loopback that accepts every message and keeps it, byte
 * for byte, with its envelope. James relays to it when the test server is built with
 * {@link SmimeJamesServerExtension.Builder#relayTo(SmtpSink)}.
 */
public class SmtpSink implements Closeable {

    public record Received(String mailFrom, List<String> recipients, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public SmtpSink() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-sink-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits for a message whose envelope has this recipient. */
    public Received awaitMessageFor(String recipient) {
        return awaitMessage(message -> message.recipients().stream().anyMatch(recipient::equalsIgnoreCase));
    }

    public Received awaitMessage(Predicate<Received> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> received.stream().filter(condition).findFirst(), java.util.Optional::isPresent)
            .orElseThrow();
    }

    public List<Received> messagesFor(String recipient) {
        return received.stream().filter(message -> message.recipients().stream().anyMatch(recipient::equalsIgnoreCase)).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.test ESMTP");
            String mailFrom = null;
            List<String> recipients = new ArrayList<>();
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                String command = line.toUpperCase();
                if (command.startsWith("EHLO")) {
                    reply(out, "250-sink.test\r\n250-8BITMIME\r\n250 SIZE 0");
                } else if (command.startsWith("HELO")) {
                    reply(out, "250 sink.test");
                } else if (command.startsWith("MAIL FROM:")) {
                    mailFrom = address(line.substring(10));
                    recipients = new ArrayList<>();
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO:")) {
                    recipients.add(address(line.substring(8)));
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    received.add(new Received(mailFrom, List.copyOf(recipients), readData(in)));
                    reply(out, "250 OK queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static String address(String argument) {
        String trimmed = argument.trim();
        int end = trimmed.indexOf('>');
        return trimmed.startsWith("<") && end > 0 ? trimmed.substring(1, end) : trimmed.split(" ")[0];
    }

    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readRawLine(in);
            if (line == null || (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n')) {
                return data.toByteArray();
            }
            int start = line.length > 0 && line[0] == '.' ? 1 : 0;
            data.write(line, start, line.length - start);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        byte[] line = readRawLine(in);
        if (line == null) {
            return null;
        }
        return new String(line, 0, Math.max(0, line.length - 2), StandardCharsets.US_ASCII);
    }

    /** One line including its CRLF; null at end of stream. */
    private static byte[] readRawLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int current = in.read();
            if (current == -1) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            line.write(current);
            if (previous == '\r' && current == '\n') {
                return line.toByteArray();
            }
            previous = current;
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
