package org.hostedsmime.core.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.problem.ProblemType;

/**
 * Makes PKCS#10 certificate signing requests for the server: a fresh key pair generated here, subject
 * {@code CN=<commonName>}, the DNS names requested as a subject alternative name extension (the common name
 * first, as CAs require it to be among them), extended key usage serverAuth.
 */
public final class CertificateSigningRequests {
    private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public static PendingCertificateRequest create(String commonName, List<String> subjectAltNames, CsrKeyType keyType, Instant now) {
        String name = hostName(commonName, "commonName");
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(name);
        subjectAltNames.forEach(alternative -> names.add(hostName(alternative, "subjectAltNames")));
        List<String> dnsNames = new ArrayList<>(names);

        KeyPair keyPair = keyType.generate();
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                .map(dnsName -> new GeneralName(GeneralName.dNSName, dnsName))
                .toArray(GeneralName[]::new)));
            extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder(keyType.signatureAlgorithm())
                    .setProvider(CryptoProvider.BOUNCY_CASTLE)
                    .setSecureRandom(CryptoProvider.random())
                    .build(keyPair.getPrivate()));
            return new PendingCertificateRequest(keyPair.getPrivate(), PemFiles.toPem(request), name, dnsNames, keyType, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign a certificate signing request with " + keyType.signatureAlgorithm(), e);
        }
    }

    private static String hostName(String value, String field) {
        String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (name.length() > 253 || !HOST_NAME.matcher(name).matches()) {
            String message = "'" + field + "' must hold DNS host names such as mail.example.org";
            throw ServerCertificateProblem.refused(ProblemType.INVALID_ARGUMENT, message, Map.of("field", field), message);
        }
        return name;
    }

    private CertificateSigningRequests() {
    }
}
