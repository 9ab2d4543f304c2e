package org.hostedsmime.cassandra;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/** Certificates and CRLs as Cassandra blobs: their DER encoding. */
final class CertificateCodec {

    static ByteBuffer encode(X509Certificate certificate) {
        try {
            return ByteBuffer.wrap(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded", e);
        }
    }

    static List<ByteBuffer> encode(List<X509Certificate> certificates) {
        return certificates.stream().map(CertificateCodec::encode).toList();
    }

    static X509Certificate certificate(ByteBuffer der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes(der)));
        } catch (CertificateException e) {
            throw new IllegalStateException("A stored certificate cannot be decoded", e);
        }
    }

    static List<X509Certificate> certificates(List<ByteBuffer> ders) {
        return ders.stream().map(CertificateCodec::certificate).toList();
    }

    static ByteBuffer encode(X509CRL crl) {
        try {
            return ByteBuffer.wrap(crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalArgumentException("CRL cannot be encoded", e);
        }
    }

    static X509CRL crl(ByteBuffer der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes(der)));
        } catch (CertificateException | CRLException e) {
            throw new IllegalStateException("A stored CRL cannot be decoded", e);
        }
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private CertificateCodec() {
    }
}
