package org.hostedsmime.webadmin;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;

import spark.Request;

/** Path parameters parsed into values, with a 400 {@code invalid-argument} for what cannot be one. */
final class PathParameters {
    static Username user(Request request) {
        try {
            return Username.of(request.params("user"));
        } catch (RuntimeException e) {
            throw RequestBodies.invalid("'" + request.params("user") + "' is not a valid user name");
        }
    }

    static Domain domain(Request request) {
        try {
            return Domain.of(request.params("domain"));
        } catch (RuntimeException e) {
            throw RequestBodies.invalid("'" + request.params("domain") + "' is not a valid domain name");
        }
    }

    static Fingerprint fingerprint(Request request) {
        String value = request.params("fingerprint");
        if (!Fingerprint.isValid(value)) {
            throw RequestBodies.invalid("'" + value + "' is not a SHA-256 fingerprint (64 hex characters)");
        }
        return Fingerprint.parse(value);
    }

    private PathParameters() {
    }
}
