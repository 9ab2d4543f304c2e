package org.hostedsmime.mailets;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.cms.OuterHeaders;
import org.hostedsmime.core.cms.SmimeResult;
import org.hostedsmime.core.cms.SpooledMimeEntity;
import org.hostedsmime.core.hosting.TrustMaterials;
import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.inbound.SignatureCheck;
import org.hostedsmime.core.inbound.SignatureVerdict;
import org.hostedsmime.core.inbound.SignatureVerifier;
import org.hostedsmime.core.inbound.SmimeStructure;
import org.hostedsmime.core.inbound.VerdictHeaders;
import org.hostedsmime.core.trust.TrustMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies signed mail ({@code multipart/signed}, opaque signed-data; after {@code SmimeDecrypt}, what was
 * signed inside encryption) for local recipients whose domain has S/MIME enabled, against what that domain
 * trusts, and tells each recipient the one verdict in {@code X-Smime-Signature} and
 * {@code X-Smime-Signature-Description}. The {@code org.hostedsmime.inbound.signature} attribute carries it
 * for later mailets (verdict, signer, fingerprint, signingTime, reason); for a {@code valid} signature the
 * signer's certificate, issuers and capabilities are attached too, for {@code CollectSignerCertificate}.
 *
 * <p>Opaque signed-data is replaced by the equivalent {@code multipart/signed} (same signature, detached), so
 * IMAP clients show the content and can still verify it.</p>
 *
 * <p>While a store is unavailable the mail waits and is retried; when the retries are used up it is delivered
 * without a verdict.</p>
 *
 * <p>Parameters: {@code language} = {@code en} (default) or {@code zh-CN}; {@code storeRetries} (default 6)
 * and {@code storeRetryDelay} (default {@code 60s}, doubling).</p>
 * <pre>{@code
 * <mailet match="All" class="org.hostedsmime.mailets.SmimeVerifySignature">
 *     <language>en</language>
 *     <onMailetException>smime-error</onMailetException>
 * </mailet>
 * }</pre>
 */
public class SmimeVerifySignature extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeVerifySignature.class);

    private final TrustMaterials trustMaterials;
    private final SignatureVerifier verifier;
    private SmimeMessages language;
    private StoreOutageRetry outageRetry;

    @Inject
    public SmimeVerifySignature(TrustMaterials trustMaterials, java.time.Clock clock) {
        this.trustMaterials = trustMaterials;
        this.verifier = new SignatureVerifier(clock);
    }

    @Override
    public void init() throws MessagingException {
        language = VerdictLanguage.parse(getInitParameter("language", "en"));
        outageRetry = StoreOutageRetry.fromParameters(this);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        try {
            verify(mail);
        } catch (RuntimeException e) {
            if (!StoreOutageRetry.isOutage(e)) {
                throw e;
            }
            // Used up: delivered without a verdict, rather than with one made without the domain's trust.
            outageRetry.retryLater(getMailetContext(), mail, e);
        }
    }

    private void verify(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        Part signed = signedPart(mail, message);
        if (!SmimeStructure.of(signed).isSigned()) {
            return;
        }
        Optional<String> from = fromAddress(message);
        Map<Domain, List<MailAddress>> byDomain = new LinkedHashMap<>();
        for (MailAddress recipient : mail.getRecipients()) {
            if (trustMaterials.isEnabled(recipient.getDomain()).block()) {
                byDomain.computeIfAbsent(recipient.getDomain(), domain -> new ArrayList<>()).add(recipient);
            }
        }
        if (byDomain.isEmpty()) {
            return;
        }
        // Every store read happens before the first header is added: an outage half-way would otherwise leave
        // some recipients' verdicts on the mail that is retried.
        Map<Domain, TrustMaterial> trust = new LinkedHashMap<>();
        for (Domain domain : byDomain.keySet()) {
            trust.put(domain, trustMaterials.forDomain(domain).block());
        }
        Optional<SpooledMimeEntity> unwrapped = Optional.empty();
        SignatureCheck first = null;
        SignatureCheck valid = null;
        try {
            for (Map.Entry<Domain, List<MailAddress>> domain : byDomain.entrySet()) {
                SignatureVerifier.Outcome outcome = verifier.verify(signed, from, trust.get(domain.getKey()));
                if (signed != message) {
                    // Nested under the kept ciphertext: verified where it is, not rewritten.
                    outcome.unwrappedContent().ifPresent(SpooledMimeEntity::close);
                } else if (unwrapped.isEmpty()) {
                    unwrapped = outcome.unwrappedContent();
                } else {
                    outcome.unwrappedContent().ifPresent(SpooledMimeEntity::close);
                }
                SignatureCheck check = outcome.check();
                first = first == null ? check : first;
                valid = valid == null && check.verdict() == SignatureVerdict.VALID ? check : valid;
                for (VerdictHeaders.Header header : VerdictHeaders.signature(check, language)) {
                    for (MailAddress recipient : domain.getValue()) {
                        mail.addSpecificHeaderForRecipient(PerRecipientHeaders.Header.builder().name(header.name()).value(header.value()).build(),
                            recipient);
                    }
                }
                LOGGER.info("Signed mail {} for {}: {} (signer {}, {})", mail.getName(), domain.getValue(), check.verdict().value(),
                    check.signerAddress().orElse("unknown"), check.reason());
            }
            if (unwrapped.isPresent()) {
                try (SmimeResult detached = OuterHeaders.withContent(message, unwrapped.get())) {
                    mail.setMessage(detached.message());
                }
            }
        } finally {
            unwrapped.ifPresent(SpooledMimeEntity::close);
        }
        mail.setAttribute(new Attribute(SmimeAttributes.SIGNATURE, signatureAttribute(first)));
        if (valid != null) {
            attachSigner(mail, valid);
        }
    }

    /** The message itself, or its first part when SmimeDecrypt attached the original ciphertext after it. */
    private static Part signedPart(Mail mail, MimeMessage message) throws MessagingException {
        boolean originalKept = AttributeUtils.getValueAndCastFromMail(mail, SmimeAttributes.ENCRYPTED_ORIGINAL_KEPT, Boolean.class).orElse(false);
        if (!originalKept) {
            return message;
        }
        try {
            return ((MimeMultipart) message.getContent()).getBodyPart(0);
        } catch (java.io.IOException | ClassCastException e) {
            return message;
        }
    }

    private static AttributeValue<?> signatureAttribute(SignatureCheck check) {
        Map<String, AttributeValue<?>> values = new LinkedHashMap<>();
        values.put("verdict", AttributeValue.of(check.verdict().value()));
        check.signerAddress().ifPresent(signer -> values.put("signer", AttributeValue.of(signer)));
        check.fingerprint().ifPresent(fingerprint -> values.put("fingerprint", AttributeValue.of(fingerprint.value())));
        check.signingTime().ifPresent(time -> values.put("signingTime", AttributeValue.of(time.toString())));
        values.put("reason", AttributeValue.of(check.reason()));
        return AttributeValue.of(values);
    }

    private static void attachSigner(Mail mail, SignatureCheck check) throws MessagingException {
        try {
            X509Certificate certificate = check.signerCertificate().orElseThrow();
            mail.setAttribute(new Attribute(SmimeAttributes.SIGNER_CERTIFICATE, AttributeValue.of(certificate.getEncoded())));
            List<AttributeValue<?>> issuers = new ArrayList<>();
            for (X509Certificate issuer : check.issuers()) {
                issuers.add(AttributeValue.of(issuer.getEncoded()));
            }
            mail.setAttribute(new Attribute(SmimeAttributes.SIGNER_ISSUERS, AttributeValue.of(issuers)));
            mail.setAttribute(new Attribute(SmimeAttributes.SIGNER_CAPABILITIES, AttributeValue.of(check.capabilities().toDer())));
        } catch (CertificateEncodingException e) {
            throw new MessagingException("Cannot encode the signer certificate", e);
        }
    }

    private static Optional<String> fromAddress(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
                return Optional.empty();
            }
            return Optional.ofNullable(address.getAddress());
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getMailetInfo() {
        return "SmimeVerifySignature: verifies S/MIME signatures and tells IMAP clients the verdict";
    }
}
