package org.hostedsmime.core.hosting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.hostedsmime.core.certificate.CertificateDecoder;

/**
 * The server-wide extra trust store: a PEM bundle of recognised public CAs trusted by every domain, in
 * addition to each domain's own anchors. Off unless configured.
 */
public record ServerTrustAnchors(List<X509Certificate> anchors) {
    public static final ServerTrustAnchors NONE = new ServerTrustAnchors(List.of());

    public ServerTrustAnchors {
        anchors = List.copyOf(anchors);
    }

    public static ServerTrustAnchors load(Path bundle) {
        try {
            return new ServerTrustAnchors(CertificateDecoder.certificates(Files.readAllBytes(bundle)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the server-wide trust bundle " + bundle, e);
        }
    }
}
