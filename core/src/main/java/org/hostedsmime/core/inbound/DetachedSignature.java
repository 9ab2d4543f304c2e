package org.hostedsmime.core.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.mail.MessagingException;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.BERSet;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.mail.smime.SMIMESignedParser;
import org.hostedsmime.core.cms.SpooledMimeEntity;
import org.hostedsmime.core.crypto.CryptoProvider;

/**
 * Turns an opaque signed message (content inside the CMS SignedData) into the equivalent detached one,
 * {@code multipart/signed}: the same signature over the same content bytes, without the content inside it.
 * IMAP clients then show the content, and can still verify the signature themselves.
 */
final class DetachedSignature {
    private static final Map<String, String> MICALG = Map.of(
        "2.16.840.1.101.3.4.2.1", "sha-256", "2.16.840.1.101.3.4.2.2", "sha-384", "2.16.840.1.101.3.4.2.3", "sha-512",
        "1.3.14.3.2.26", "sha-1", "1.2.840.113549.2.5", "md5");

    /** The {@code multipart/signed} entity (content headers, then body) for the parsed opaque message. */
    static SpooledMimeEntity multipartSigned(SMIMESignedParser parser, SpooledMimeEntity content) throws MessagingException {
        byte[] signature = detachedSignedData(parser);
        SignerInformation signer = signer(parser);
        String boundary = "----=_HostedSmime_" + HexFormat.of().formatHex(randomBytes());
        String micalg = MICALG.getOrDefault(signer.getDigestAlgOID(), signer.getDigestAlgOID());
        return SpooledMimeEntity.spool(out -> {
            write(out, "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=" + micalg
                + ";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n");
            write(out, "--" + boundary + "\r\n");
            try (InputStream entity = content.newInputStream()) {
                entity.transferTo(out);
            }
            write(out, "\r\n--" + boundary + "\r\n");
            write(out, "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n");
            write(out, Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(signature) + "\r\n");
            write(out, "--" + boundary + "--\r\n");
        });
    }

    private static SignerInformation signer(SMIMESignedParser parser) throws MessagingException {
        try {
            return parser.getSignerInfos().getSigners().iterator().next();
        } catch (CMSException | RuntimeException e) {
            throw new MessagingException("Cannot read the signer", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static byte[] detachedSignedData(SMIMESignedParser parser) throws MessagingException {
        try {
            ASN1EncodableVector digestAlgorithms = new ASN1EncodableVector();
            parser.getDigestAlgorithmIDs().forEach(digestAlgorithms::add);
            ASN1EncodableVector certificates = new ASN1EncodableVector();
            for (Object holder : parser.getCertificates().getMatches(null)) {
                certificates.add(((X509CertificateHolder) holder).toASN1Structure());
            }
            ASN1EncodableVector crls = new ASN1EncodableVector();
            for (Object holder : parser.getCRLs().getMatches(null)) {
                crls.add(((X509CRLHolder) holder).toASN1Structure());
            }
            ASN1EncodableVector signerInfos = new ASN1EncodableVector();
            for (SignerInformation signer : parser.getSignerInfos().getSigners()) {
                signerInfos.add(signer.toASN1Structure());
            }
            SignedData signedData = new SignedData(new DERSet(digestAlgorithms),
                new ContentInfo(parser.getSignedContentTypeOID() == null ? CMSObjectIdentifiers.data
                    : new org.bouncycastle.asn1.ASN1ObjectIdentifier(parser.getSignedContentTypeOID()), null),
                certificates.size() == 0 ? null : new BERSet(certificates),
                crls.size() == 0 ? null : new BERSet(crls),
                new DERSet(signerInfos));
            return new ContentInfo(CMSObjectIdentifiers.signedData, signedData).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException | RuntimeException e) {
            throw new MessagingException("Cannot build the detached signature", e);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        CryptoProvider.random().nextBytes(bytes);
        return bytes;
    }

    private DetachedSignature() {
    }
}
