package org.hostedsmime.core.tls;

import java.util.Map;

import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

/**
 * A refused server TLS certificate operation. The {@link ProblemType}s are shared with S/MIME, but some of their
 * default messages speak of PKCS#12 files and mail signatures: this problem names the message worded for a
 * server certificate ({@link #messageKey()}), and its arguments may be {@link LocalizedText}s rendered in the
 * reader's language. Like every {@link SmimeException}, it never holds a private key or a password.
 */
public class ServerCertificateProblem extends SmimeException {
    private final String messageKey;

    public ServerCertificateProblem(ProblemType type, String messageKey, String technicalMessage, Map<String, ?> details,
                                    Throwable cause, Object... messageArguments) {
        super(type, technicalMessage, details, cause, messageArguments);
        this.messageKey = messageKey;
    }

    /** With the problem type's own message. */
    public static ServerCertificateProblem refused(ProblemType type, String technicalMessage, Map<String, ?> details, Object... messageArguments) {
        return new ServerCertificateProblem(type, type.messageKey(), technicalMessage, details, null, messageArguments);
    }

    /** With the server-certificate wording {@code problem.tls.<type>} of a shared problem type. */
    public static ServerCertificateProblem worded(ProblemType type, String technicalMessage, Map<String, ?> details, Object... messageArguments) {
        return new ServerCertificateProblem(type, "problem.tls." + type.type(), technicalMessage, details, null, messageArguments);
    }

    /** A field that is not the PEM (or DER) it should be; {@code what} says why without quoting it. */
    public static ServerCertificateProblem corrupt(String field, String what) {
        return worded(ProblemType.CORRUPT, "The " + field + " field is not usable: " + what, Map.of("field", field), field);
    }

    public String messageKey() {
        return messageKey;
    }
}
