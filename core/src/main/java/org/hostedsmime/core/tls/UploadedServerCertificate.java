package org.hostedsmime.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostedsmime.core.certificate.CertificateDecoder;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

/**
 * An upload decoded, whatever its layout among the four of the SSL certificate upload document: certificate,
 * chain and key in three fields (1); a {@code .pem} certificate field holding the certificate followed by its
 * chain, and no chain field (2, 3); several {@code BEGIN CERTIFICATE} sections, the first being the server
 * certificate and the rest its chain (4). A certificate field with several certificates next to a chain field is
 * refused ({@code multiple-certificates}): the two fields were most likely swapped. A key found in the
 * certificate field (a combined PEM file) is used when the key field is empty.
 *
 * @param privateKey empty when the upload carries none (completing a certificate signing request)
 */
public record UploadedServerCertificate(X509Certificate certificate, List<X509Certificate> chain, Optional<PrivateKey> privateKey) {
    public static final String CERTIFICATE_FIELD = "certificate";
    public static final String CHAIN_FIELD = "chain";
    public static final String PRIVATE_KEY_FIELD = "privateKey";

    public UploadedServerCertificate {
        chain = List.copyOf(chain);
    }

    public static UploadedServerCertificate decode(ServerCertificateUpload upload) {
        List<X509Certificate> certificates = certificates(CERTIFICATE_FIELD, upload.certificate());
        List<X509Certificate> chain = new ArrayList<>(certificates.subList(1, certificates.size()));
        if (upload.chain().isPresent()) {
            if (certificates.size() > 1) {
                throw ServerCertificateProblem.refused(ProblemType.MULTIPLE_CERTIFICATES,
                    "The certificate field holds " + certificates.size() + " certificates and a chain field is given",
                    Map.of("field", CERTIFICATE_FIELD, "certificateCount", certificates.size()));
            }
            chain.addAll(certificates(CHAIN_FIELD, upload.chain().get()));
        }
        Optional<PrivateKey> privateKey = upload.privateKey().isPresent()
            ? Optional.of(PrivateKeyReader.read(PRIVATE_KEY_FIELD, upload.privateKey().get(), upload.privateKeyPassword()))
            : keyBesideTheCertificate(upload);
        return new UploadedServerCertificate(certificates.get(0), chain, privateKey);
    }

    private static Optional<PrivateKey> keyBesideTheCertificate(ServerCertificateUpload upload) {
        String text = new String(upload.certificate(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!text.contains("PRIVATE KEY-----")) {
            return Optional.empty();
        }
        return PrivateKeyReader.find(CERTIFICATE_FIELD, upload.certificate(), upload.privateKeyPassword());
    }

    private static List<X509Certificate> certificates(String field, byte[] input) {
        try {
            return CertificateDecoder.certificates(input);
        } catch (SmimeException e) {
            throw ServerCertificateProblem.corrupt(field, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "UploadedServerCertificate{" + certificate.getSubjectX500Principal() + ", chain=" + chain.size()
            + ", privateKey=" + (privateKey.isPresent() ? "present" : "none") + "}";
    }
}
