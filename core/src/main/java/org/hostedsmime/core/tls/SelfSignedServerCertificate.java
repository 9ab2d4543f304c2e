package org.hostedsmime.core.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * A self-signed certificate for a fresh server, so that STARTTLS works before an administrator uploads a
 * real one. Clients will not trust it; that is the point of uploading one.
 */
public final class SelfSignedServerCertificate {
    private static final Duration VALIDITY = Duration.ofDays(365);

    public static ServerCredentials generate(String commonName, List<String> dnsNames, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.BOUNCY_CASTLE);
            generator.initialize(256, CryptoProvider.random());
            KeyPair keyPair = generator.generateKeyPair();

            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Hosted S/MIME for Apache James (self-signed, replace me)")
                .addRDN(BCStyle.CN, commonName)
                .build();
            Instant now = clock.instant();
            GeneralName[] names = dnsNames.stream()
                .map(name -> new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);

            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(127, CryptoProvider.random()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)),
                subject, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));

            X509Certificate certificate = new JcaX509CertificateConverter()
                .setProvider(CryptoProvider.BOUNCY_CASTLE)
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(CryptoProvider.BOUNCY_CASTLE)
                    .build(keyPair.getPrivate())));
            return new ServerCredentials(keyPair.getPrivate(), List.of(certificate));
        } catch (Exception e) {
            throw new IllegalStateException("Could not generate a self-signed server certificate", e);
        }
    }

    private SelfSignedServerCertificate() {
    }
}
