package org.hostedsmime.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A TLS server's private key and its certificate chain, leaf first. */
public record ServerCredentials(PrivateKey privateKey, List<X509Certificate> chain) {
    public ServerCredentials {
        Objects.requireNonNull(privateKey);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A server certificate chain holds at least the leaf certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ServerCredentials{leaf=" + leaf().getSubjectX500Principal() + ", chainLength=" + chain.size() + "}";
    }
}
