package org.hostedsmime.webadmin;

import org.hostedsmime.core.tls.LocalizedText;
import org.hostedsmime.core.tls.ServerCertificateProblem;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The error body of a refused server certificate operation: the same shape, types and statuses as
 * {@link SmimeProblemResponses}, with the message worded for a server certificate
 * ({@link ServerCertificateProblem#messageKey()}) and its nested texts in the request's language.
 */
public final class TlsProblemResponses {
    /** Spark picks the handler of the exact exception class first, so this one wins over the S/MIME one. */
    public static void register(Service service) {
        SmimeProblemResponses.register(service);
        service.exception(ServerCertificateProblem.class, TlsProblemResponses::respond);
    }

    private static void respond(ServerCertificateProblem problem, Request request, Response response) {
        SmimeProblemResponses.respond(problem,
            messages -> LocalizedText.of(problem.messageKey(), problem.messageArguments()).in(messages), request, response);
    }

    private TlsProblemResponses() {
    }
}
