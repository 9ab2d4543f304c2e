package org.hostedsmime.core.inbound;

import java.io.File;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMultipart;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.smime.SMIMEAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESignedParser;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;
import org.hostedsmime.core.certificate.CertificateAddresses;
import org.hostedsmime.core.cms.SpooledMimeEntity;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.hostedsmime.core.trust.AlgorithmPolicy;
import org.hostedsmime.core.trust.CertificateValidator;
import org.hostedsmime.core.trust.TrustMaterial;

/**
 * Verifies a signed message ({@code multipart/signed} or opaque signed-data) against what the recipient's
 * domain trusts and returns exactly one {@link SignatureVerdict}, the first that applies in the order of that
 * enum. Content is streamed through the digest (Bouncy Castle's parser, with a temporary backing file), so
 * big messages cost disk, not heap.
 */
public class SignatureVerifier {
    private static final Set<String> WEAK_DIGESTS = Set.of("1.2.840.113549.2.5", "1.3.14.3.2.26", "1.2.840.113549.2.2");

    /**
     * The check, and for opaque signed-data the equivalent {@code multipart/signed} entity, to deliver instead
     * of the opaque blob (IMAP clients then show the content, and can verify it themselves).
     */
    public record Outcome(SignatureCheck check, Optional<SpooledMimeEntity> unwrappedContent) {
    }

    private final Clock clock;

    public SignatureVerifier(Clock clock) {
        this.clock = clock;
    }

    public Outcome verify(Part signed, Optional<String> fromAddress, TrustMaterial trust) throws MessagingException {
        SmimeStructure structure = SmimeStructure.of(signed);
        if (!structure.isSigned()) {
            throw new IllegalArgumentException("Not a signed message: " + structure);
        }
        File backingFile = null;
        try {
            backingFile = File.createTempFile("hosted-smime-signed-", ".tmp");
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE).build();
            SMIMESignedParser parser;
            try {
                parser = structure == SmimeStructure.MULTIPART_SIGNED
                    ? new SMIMESignedParser(digests, (MimeMultipart) signed.getContent(), "7bit", backingFile)
                    : new SMIMESignedParser(digests, signed, backingFile);
            } catch (CMSException | SMIMEException | MessagingException | IOException | RuntimeException e) {
                return new Outcome(SignatureCheck.corrupt("the signature data cannot be parsed: " + e.getClass().getSimpleName()), Optional.empty());
            }
            SpooledMimeEntity content = null;
            if (structure == SmimeStructure.OPAQUE_SIGNED) {
                try {
                    MimeBodyPart part = parser.getContent();
                    content = SpooledMimeEntity.spool(part::writeTo);
                } catch (MessagingException | RuntimeException e) {
                    return new Outcome(SignatureCheck.corrupt("the signed content cannot be read: " + e.getClass().getSimpleName()), Optional.empty());
                }
            }
            SignatureCheck check = check(parser, fromAddress, trust);
            if (content == null) {
                return new Outcome(check, Optional.empty());
            }
            try (SpooledMimeEntity signedContent = content) {
                if (check.verdict() == SignatureVerdict.CORRUPT) {
                    return new Outcome(check, Optional.empty());
                }
                return new Outcome(check, Optional.of(DetachedSignature.multipartSigned(parser, signedContent)));
            }
        } catch (IOException | OperatorCreationException e) {
            throw new MessagingException("Cannot verify a signature", e);
        } finally {
            if (backingFile != null && !backingFile.delete()) {
                backingFile.deleteOnExit();
            }
        }
    }

    private SignatureCheck check(SMIMESignedParser parser, Optional<String> fromAddress, TrustMaterial trust) {
        SignerInformation signer;
        List<X509Certificate> certificates;
        try {
            Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return SignatureCheck.corrupt("the signature has no signer");
            }
            signer = signers.iterator().next();
            certificates = certificates(parser.getCertificates());
        } catch (CMSException | RuntimeException e) {
            return SignatureCheck.corrupt("the signature data cannot be parsed: " + e.getClass().getSimpleName());
        }
        Optional<X509Certificate> signerCertificate = certificates.stream()
            .filter(certificate -> signer.getSID().match(holder(certificate)))
            .findFirst();
        if (signerCertificate.isEmpty()) {
            return SignatureCheck.corrupt("the signature does not include the signer's certificate");
        }
        X509Certificate certificate = signerCertificate.get();
        List<X509Certificate> issuers = certificates.stream().filter(other -> !other.equals(certificate)).toList();
        AttributeTable attributes = signer.getSignedAttributes();
        Optional<Instant> signingTime = signingTime(attributes);
        SmimeCapabilities capabilities = capabilities(attributes);

        try {
            boolean correct = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BOUNCY_CASTLE)
                .build(certificate.getPublicKey()));
            if (!correct) {
                return result(SignatureVerdict.TAMPERED, "the signature does not match the content", certificate, issuers, capabilities, signingTime);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return result(SignatureVerdict.TAMPERED, "the content does not match its signed digest", certificate, issuers, capabilities, signingTime);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return result(SignatureVerdict.CORRUPT, "the signature cannot be checked: " + e.getClass().getSimpleName(),
                certificate, issuers, capabilities, signingTime);
        }

        Instant now = clock.instant();
        Instant pathTime = signingTime.filter(time -> validAt(certificate, time)).orElse(now);
        Optional<List<X509Certificate>> path = CertificateValidator.pathToAnchor(certificate, issuers, trust, pathTime);
        List<X509Certificate> revocationPath = path.orElseGet(() -> ordered(certificate, issuers, trust));
        Optional<String> revoked = CertificateValidator.revocationReason(revocationPath, trust.crls());
        if (revoked.isPresent()) {
            return result(SignatureVerdict.REVOKED, revoked.get(), certificate, issuers, capabilities, signingTime);
        }
        if (signingTime.isPresent() && !validAt(certificate, signingTime.get())) {
            return result(SignatureVerdict.EXPIRED, "the signer certificate was not valid when the message was signed ("
                + signingTime.get() + ")", certificate, issuers, capabilities, signingTime);
        }
        if (!validAt(certificate, now)) {
            return result(SignatureVerdict.EXPIRED, "the signer certificate is valid from " + certificate.getNotBefore().toInstant()
                + " to " + certificate.getNotAfter().toInstant(), certificate, issuers, capabilities, signingTime);
        }
        if (path.isEmpty()) {
            return result(SignatureVerdict.UNTRUSTED, trust.anchors().isEmpty()
                ? "no trust anchor is configured for the recipient's domain"
                : "no certificate path leads to a trust anchor (incomplete chain or unknown CA)", certificate, issuers, capabilities, signingTime);
        }
        if (fromAddress.isPresent() && !CertificateAddresses.covers(certificate, fromAddress.get())) {
            return result(SignatureVerdict.SIGNER_MISMATCH, "the certificate is for " + CertificateAddresses.of(certificate)
                + ", not for the sender " + fromAddress.get(), certificate, issuers, capabilities, signingTime);
        }
        Optional<String> weakness = weakDigest(signer).or(() -> CertificateValidator.weaknessOf(
            path.get().subList(0, Math.max(1, path.get().size() - 1))));
        if (weakness.isPresent()) {
            return result(SignatureVerdict.WEAK_ALGORITHM, weakness.get(), certificate, issuers, capabilities, signingTime);
        }
        return result(SignatureVerdict.VALID, "the signature is valid and its certificate is trusted", certificate, issuers, capabilities, signingTime);
    }

    private static SignatureCheck result(SignatureVerdict verdict, String reason, X509Certificate certificate, List<X509Certificate> issuers,
                                         SmimeCapabilities capabilities, Optional<Instant> signingTime) {
        return new SignatureCheck(verdict, reason, Optional.of(certificate), issuers, capabilities, signingTime);
    }

    private static Optional<String> weakDigest(SignerInformation signer) {
        if (WEAK_DIGESTS.contains(signer.getDigestAlgOID())) {
            return Optional.of("the signature uses a weak digest (" + signer.getDigestAlgOID() + ")");
        }
        return Optional.empty();
    }

    private static boolean validAt(X509Certificate certificate, Instant time) {
        try {
            certificate.checkValidity(Date.from(time));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    /** The signer followed by its issuers as far as the message and the domain's intermediates go. */
    private static List<X509Certificate> ordered(X509Certificate leaf, List<X509Certificate> issuers, TrustMaterial trust) {
        List<X509Certificate> candidates = new ArrayList<>(issuers);
        candidates.addAll(trust.intermediates());
        candidates.addAll(trust.anchors());
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        X509Certificate current = leaf;
        while (path.size() < 10) {
            X509Certificate child = current;
            Optional<X509Certificate> issuer = candidates.stream()
                .filter(candidate -> !path.contains(candidate))
                .filter(candidate -> candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                .filter(candidate -> CertificateValidator.isSignedBy(child, candidate))
                .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            path.add(issuer.get());
            current = issuer.get();
        }
        return path;
    }

    private static Optional<Instant> signingTime(AttributeTable attributes) {
        if (attributes == null) {
            return Optional.empty();
        }
        Attribute attribute = attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static SmimeCapabilities capabilities(AttributeTable attributes) {
        if (attributes == null) {
            return SmimeCapabilities.NONE;
        }
        Attribute attribute = attributes.get(SMIMEAttributes.smimeCapabilities);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return SmimeCapabilities.NONE;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            return SmimeCapabilities.of(ASN1Sequence.getInstance(value));
        } catch (RuntimeException e) {
            return SmimeCapabilities.NONE;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(Store<X509CertificateHolder> store) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : store.getMatches(null)) {
            try {
                certificates.add(toJdk(converter.getCertificate(holder)));
            } catch (CertificateException e) {
                // A damaged extra certificate: the signer's own is looked for among the others.
            }
        }
        return certificates;
    }

    private static X509Certificate toJdk(X509Certificate certificate) throws CertificateException {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(certificate.getEncoded()));
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
