package org.hostedsmime.core.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.asn1.smime.SMIMEEncryptionKeyPreferenceAttribute;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.hostedsmime.core.certificate.CertificateDetails;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.directory.SmimeCapabilities;

/**
 * Signs a message as {@code multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256}
 * (RFC 8551): SHA-256 with RSA PKCS#1 v1.5 (or RSASSA-PSS when configured) or ECDSA; signed attributes
 * signingTime, SMIMECapabilities, SMIMEEncryptionKeyPreference and signingCertificateV2; the signer's
 * certificate and its issuers (never the root) included. 8bit and binary parts are re-encoded first.
 */
public class SmimeSigner {

    public enum RsaSignatureScheme {
        PKCS1_V1_5("SHA256withRSA"),
        PSS("SHA256withRSAandMGF1");

        private final String algorithm;

        RsaSignatureScheme(String algorithm) {
            this.algorithm = algorithm;
        }
    }

    private final RsaSignatureScheme rsaScheme;

    public SmimeSigner(RsaSignatureScheme rsaScheme) {
        this.rsaScheme = rsaScheme;
    }

    /** The signed message; its signature is computed as it is written. Close the result afterwards. */
    public SmimeResult sign(MimeMessage message, SigningIdentity identity) throws MessagingException {
        List<SpooledMimeEntity> spools = new ArrayList<>();
        try {
            SpooledMimeEntity content = SpooledMimeEntity.spool(out -> writeContentEntity(message, out));
            spools.add(content);
            if (SevenBitTransferEncoding.needsConversion(content.bodyPart())) {
                content = sevenBit(content);
                spools.add(content);
            }
            MimeMessage result = OuterHeaders.copyFrom(message);
            MimeMultipart signed = generator(identity).generate(content.bodyPart());
            result.setContent(signed);
            result.saveChanges();
            return new SmimeResult(result, spools);
        } catch (IOException e) {
            spools.forEach(SpooledMimeEntity::close);
            throw new MessagingException("Cannot read the message to sign", e);
        } catch (MessagingException | RuntimeException e) {
            spools.forEach(SpooledMimeEntity::close);
            throw e;
        } catch (Exception e) {
            spools.forEach(SpooledMimeEntity::close);
            throw new MessagingException("Cannot sign: " + e.getMessage(), e);
        }
    }

    /** The message's content as a MIME entity: its content headers, as written, then its body, as stored. */
    static void writeContentEntity(MimeMessage message, OutputStream out) throws MessagingException, IOException {
        boolean hasContentType = false;
        for (String line : Collections.list(message.getAllHeaderLines())) {
            if (OuterHeaders.isContentHeader(line) && !line.regionMatches(true, 0, "MIME-Version", 0, 12)) {
                hasContentType |= line.regionMatches(true, 0, "Content-Type", 0, 12);
                out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (!hasContentType) {
            out.write("Content-Type: text/plain; charset=us-ascii\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (InputStream body = message.getRawInputStream()) {
            body.transferTo(out);
        }
    }

    private static SpooledMimeEntity sevenBit(SpooledMimeEntity content) throws MessagingException, IOException {
        SevenBitTransferEncoding.UpdatableBodyPart part;
        try (InputStream in = content.newInputStream()) {
            part = new SevenBitTransferEncoding.UpdatableBodyPart(in);
            SevenBitTransferEncoding.convert(part);
            part.update();
            return SpooledMimeEntity.spool(part::writeTo);
        }
    }

    private SMIMESignedGenerator generator(SigningIdentity identity) throws Exception {
        X509Certificate certificate = identity.certificate();
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        SMIMECapabilityVector capabilities = new SMIMECapabilityVector();
        SmimeCapabilities.ofThisServer().asSequence().forEach(capability ->
            capabilities.addCapability(org.bouncycastle.asn1.smime.SMIMECapability.getInstance(capability).getCapabilityID()));
        attributes.add(new SMIMECapabilitiesAttribute(capabilities));
        attributes.add(new SMIMEEncryptionKeyPreferenceAttribute(
            new IssuerAndSerialNumber(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()), certificate.getSerialNumber())));
        attributes.add(signingCertificateV2(certificate));

        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(certificate);
        certificates.addAll(identity.issuers());

        SMIMESignedGenerator generator = new SMIMESignedGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
            .setProvider(CryptoProvider.BOUNCY_CASTLE)
            .setSignedAttributeGenerator(new AttributeTable(attributes))
            .build(signatureAlgorithm(certificate), identity.privateKey(), certificate));
        generator.addCertificates(new JcaCertStore(certificates));
        return generator;
    }

    private String signatureAlgorithm(X509Certificate certificate) {
        return switch (CertificateDetails.keyAlgorithm(certificate.getPublicKey())) {
            case "RSA" -> rsaScheme.algorithm;
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("Cannot sign with a " + certificate.getPublicKey().getAlgorithm() + " key");
        };
    }

    private static Attribute signingCertificateV2(X509Certificate certificate) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
            new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
            certificate.getSerialNumber());
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
            new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial))));
    }
}
