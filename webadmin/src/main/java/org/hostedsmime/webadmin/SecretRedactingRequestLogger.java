package org.hostedsmime.webadmin;

import java.util.Optional;

import org.apache.james.util.MDCStructuredLogger;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.mdc.LoggingRequestFilter;
import org.apache.james.webadmin.mdc.RequestId;
import org.apache.james.webadmin.mdc.RequestLogger;

import spark.Request;

/**
 * WebAdmin logs every request with its body (as the {@code request-body} MDC field). Bodies of this
 * extension's routes hold PKCS#12 passwords and private keys: this logger takes their place and records the
 * request without the body. Bound by the embedded server; see docs/install.md for an existing James.
 */
public class SecretRedactingRequestLogger implements RequestLogger {
    @Override
    public boolean applies(Request request) {
        String path = Optional.ofNullable(request.pathInfo()).orElse("");
        return path.startsWith("/smime") || path.startsWith("/tls");
    }

    @Override
    public void log(Request request, RequestId requestId) {
        MDCStructuredLogger.forLogger(LoggingRequestFilter.LOGGER)
            .field(LoggingRequestFilter.REQUEST_ID, requestId.asString())
            .field(LoggingRequestFilter.IP, request.ip())
            .field(LoggingRequestFilter.ENDPOINT, request.url())
            .field(LoggingRequestFilter.METHOD, request.requestMethod())
            .field(AuthenticationFilter.LOGIN, request.attribute(AuthenticationFilter.LOGIN))
            .field(LoggingRequestFilter.REQUEST_BODY, "<redacted: may hold keys or passwords>")
            .log(logger -> logger.info("WebAdmin request received"));
    }
}
