package org.hostedsmime.it.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A line-oriented client connection over a real socket, upgradable to TLS in place (STARTTLS), recording
 * the certificate chain the server presented. Bytes are read and written as they are: ISO-8859-1 maps each
 * byte to one char, so 8-bit content survives.
 */
class ProtocolConnection implements Closeable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private List<X509Certificate> peerCertificates = List.of();

    ProtocolConnection(int port) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        use(plain);
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    void upgradeToTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
            .createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        peerCertificates = List.of((X509Certificate[]) tls.getSession().getPeerCertificates());
        use(tls);
    }

    List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    Optional<X509Certificate> peerLeafCertificate() {
        return peerCertificates.stream().findFirst();
    }

    /** One line without its CRLF. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int current = in.read();
            if (current == -1) {
                throw new EOFException("Connection closed by the server after: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (previous == '\r' && current == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(current);
            previous = current;
        }
    }

    byte[] readBytes(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length != count) {
            throw new EOFException("Expected " + count + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    void writeLine(String line) throws IOException {
        write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
