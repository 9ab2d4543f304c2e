package org.hostedsmime.core.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

/**
 * Reads certificates and CRLs the way administrators paste or upload them: PEM (one or several blocks,
 * text around them ignored, any line ends) or a single DER structure.
 */
public final class CertificateDecoder {
    private static final String PEM_BEGIN = "-----BEGIN ";

    public static List<X509Certificate> certificates(byte[] input) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            if (isPem(input)) {
                for (PemObject block : pemBlocks(input)) {
                    if (block.getType().equals("CERTIFICATE") || block.getType().equals("X509 CERTIFICATE")
                        || block.getType().equals("TRUSTED CERTIFICATE")) {
                        certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.getContent())));
                    }
                }
            } else if (input.length > 0) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(input)));
            }
        } catch (CertificateException | RuntimeException e) {
            throw new SmimeException(ProblemType.CORRUPT, "Not a certificate in PEM or DER: " + e.getClass().getSimpleName());
        }
        if (certificates.isEmpty()) {
            throw new SmimeException(ProblemType.CORRUPT, "No certificate found (expected PEM -----BEGIN CERTIFICATE----- blocks or DER)");
        }
        return List.copyOf(certificates);
    }

    public static X509CRL crl(byte[] input) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            byte[] der = input;
            if (isPem(input)) {
                der = pemBlocks(input).stream()
                    .filter(block -> block.getType().equals("X509 CRL") || block.getType().equals("CRL"))
                    .findFirst()
                    .map(PemObject::getContent)
                    .orElseThrow(() -> new SmimeException(ProblemType.CORRUPT, "No -----BEGIN X509 CRL----- block found"));
            }
            if (der.length == 0) {
                throw new SmimeException(ProblemType.CORRUPT, "Empty CRL");
            }
            return (X509CRL) factory.generateCRL(new ByteArrayInputStream(der));
        } catch (CRLException | CertificateException | RuntimeException e) {
            if (e instanceof SmimeException smime) {
                throw smime;
            }
            throw new SmimeException(ProblemType.CORRUPT, "Not a CRL in PEM or DER: " + e.getClass().getSimpleName());
        }
    }

    static boolean isPem(byte[] input) {
        return new String(input, StandardCharsets.ISO_8859_1).contains(PEM_BEGIN);
    }

    /** Every PEM block of the input, text outside blocks and Windows line ends tolerated. */
    public static List<PemObject> pemBlocks(byte[] input) {
        // Lines trimmed: pasted PEM often comes indented or with trailing blanks.
        String text = new String(input, StandardCharsets.ISO_8859_1).replace("\r", "").lines()
            .map(String::strip)
            .collect(java.util.stream.Collectors.joining("\n"));
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject block;
            while ((block = reader.readPemObject()) != null) {
                blocks.add(block);
            }
        } catch (IOException e) {
            throw new SmimeException(ProblemType.CORRUPT, "Damaged PEM block: " + e.getMessage());
        }
        return blocks;
    }

    private CertificateDecoder() {
    }
}
