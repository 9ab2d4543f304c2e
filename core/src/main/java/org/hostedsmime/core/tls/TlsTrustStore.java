package org.hostedsmime.core.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.trust.CertificateValidator;

/**
 * The root certificates a server certificate's chain should reach: the JDK's default ones (what mail clients
 * on the JDK, and roughly what other clients, trust) plus an optional PEM bundle, e.g. a company CA. A chain
 * that breaks before reaching one of them is incomplete; one that ends in a root outside of them is served
 * with a warning.
 */
public record TlsTrustStore(List<X509Certificate> anchors) {
    public TlsTrustStore {
        anchors = List.copyOf(anchors);
    }

    public static TlsTrustStore load(boolean jdkRoots, Optional<Path> extraBundle) {
        List<X509Certificate> anchors = new ArrayList<>();
        if (jdkRoots) {
            anchors.addAll(jdkDefaultRoots());
        }
        extraBundle.ifPresent(bundle -> anchors.addAll(bundle(bundle)));
        return new TlsTrustStore(anchors);
    }

    public boolean contains(X509Certificate certificate) {
        return anchors.contains(certificate);
    }

    /** The trusted root that issued {@code certificate}: its subject is the issuer and its key verifies the signature. */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        return anchors.stream()
            .filter(anchor -> anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
            .filter(anchor -> CertificateValidator.isSignedBy(certificate, anchor))
            .findFirst();
    }

    private static List<X509Certificate> jdkDefaultRoots() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .flatMap(manager -> Arrays.stream(manager.getAcceptedIssuers()))
                .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's default trust store cannot be read", e);
        }
    }

    private static List<X509Certificate> bundle(Path bundle) {
        try {
            return CertificateDecoder.certificates(Files.readAllBytes(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the TLS trust bundle " + bundle, e);
        }
    }

    /** The JDK alone holds about 150 roots: logs say how many, not which. */
    @Override
    public String toString() {
        return "TlsTrustStore{" + anchors.size() + " roots}";
    }
}
