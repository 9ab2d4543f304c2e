package org.hostedsmime.webadmin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hostedsmime.core.i18n.SmimeMessages;
import org.hostedsmime.core.tls.LocalizedText;
import org.hostedsmime.core.tls.ServerCertificateProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The error body of a refused server certificate operation: the same shape, types and statuses as
 * {@link SmimeProblemResponses}, with the message worded for a server certificate
 * ({@link ServerCertificateProblem#messageKey()}) and its nested texts in the request's language.
 */
public final class TlsProblemResponses {
    private static final Logger LOGGER = LoggerFactory.getLogger(TlsProblemResponses.class);

    /** Spark picks the handler of the exact exception class first, so this one wins over the S/MIME one. */
    public static void register(Service service) {
        SmimeProblemResponses.register(service);
        service.exception(ServerCertificateProblem.class, TlsProblemResponses::respond);
    }

    private static void respond(ServerCertificateProblem problem, Request request, Response response) {
        int status = SmimeProblemResponses.statusOf(problem.type());
        LOGGER.info("{} {} refused: {} ({})", request.requestMethod(), request.pathInfo(), problem.type().type(), problem.getMessage());
        SmimeMessages messages = SmimeMessages.forAcceptLanguage(request.headers("Accept-Language"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("type", problem.type().type());
        body.put("message", LocalizedText.of(problem.messageKey(), problem.messageArguments()).in(messages));
        body.put("details", problem.details());
        response.status(status);
        response.type("application/json");
        response.body(SmimeProblemResponses.render(body));
    }

    private TlsProblemResponses() {
    }
}
