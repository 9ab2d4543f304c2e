package org.hostedsmime.mailets;

import java.util.Locale;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.Username;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.SmimeAttributes;
import org.hostedsmime.core.cms.SigningIdentity;
import org.hostedsmime.core.cms.SmimeResult;
import org.hostedsmime.core.cms.SmimeSigner;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.hosting.HostedCertificateService.SigningIdentityLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the mail of an SMTP-authenticated user with the user's default hosted certificate
 * ({@code multipart/signed}, SHA-256). When the user has no usable certificate (none, expired, revoked,
 * untrusted), nothing is sent: the sender gets a notice saying why. Records the certificate's fingerprint
 * in {@code org.hostedsmime.outbound.signedWith}.
 *
 * <p>Parameters: {@code rsaSignature} = {@code pkcs1} (RSA PKCS#1 v1.5, default) or {@code pss}
 * (RSASSA-PSS). EC certificates always sign with ECDSA.</p>
 * <pre>{@code
 * <mailet match="All" class="org.hostedsmime.mailets.SmimeSign">
 *     <rsaSignature>pkcs1</rsaSignature>
 *     <onMailetException>smime-error</onMailetException>
 * </mailet>
 * }</pre>
 */
public class SmimeSign extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmimeSign.class);

    private final HostedCertificateService certificates;
    private final SenderNotices notices = new SenderNotices();
    private SmimeSigner signer;

    @Inject
    public SmimeSign(HostedCertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public void init() throws MessagingException {
        String scheme = getInitParameter("rsaSignature", "pkcs1").trim().toLowerCase(Locale.ROOT);
        signer = new SmimeSigner(switch (scheme) {
            case "pkcs1" -> SmimeSigner.RsaSignatureScheme.PKCS1_V1_5;
            case "pss" -> SmimeSigner.RsaSignatureScheme.PSS;
            default -> throw new MessagingException("rsaSignature is pkcs1 or pss, not '" + scheme + "'");
        });
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Username sender = AuthenticatedSender.of(mail)
            .orElseThrow(() -> new MessagingException("SmimeSign needs an SMTP-authenticated sender; check its matcher"));
        SigningIdentityLookup lookup = certificates.signingIdentity(sender);
        if (lookup.identity().isEmpty()) {
            LOGGER.warn("Mail {} from {} not sent: signing is on but the sender's certificate is {}", mail.getName(),
                sender.asString(), lookup.problem());
            notices.noSigningCertificate(getMailetContext(), mail, sender, lookup.problem());
            mail.setState(Mail.GHOST);
            return;
        }
        SigningIdentity identity = lookup.identity().get();
        try (SmimeResult signed = signer.sign(mail.getMessage(), identity)) {
            // James copies it into its own storage (MailImpl.setMessage): writing it computes the signature.
            mail.setMessage(signed.message());
        }
        mail.setAttribute(new Attribute(SmimeAttributes.SIGNED_WITH, AttributeValue.of(identity.fingerprint().value())));
        LOGGER.info("Signed mail {} from {} with certificate {}", mail.getName(), sender.asString(), identity.fingerprint());
    }

    @Override
    public String getMailetInfo() {
        return "SmimeSign: signs authenticated users' mail with their hosted certificate";
    }
}
