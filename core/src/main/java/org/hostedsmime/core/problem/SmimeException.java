package org.hostedsmime.core.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refused request, with a stable {@link ProblemType}, the arguments of its human message and
 * machine-readable details. Neither may hold a password or a private key: they end up in HTTP bodies and logs.
 */
public class SmimeException extends RuntimeException {
    private final ProblemType type;
    private final Object[] messageArguments;
    private final Map<String, Object> details;

    public SmimeException(ProblemType type, String technicalMessage) {
        this(type, technicalMessage, Map.of(), null);
    }

    public SmimeException(ProblemType type, String technicalMessage, Map<String, ?> details, Throwable cause,
                          Object... messageArguments) {
        super(technicalMessage, cause);
        this.type = Objects.requireNonNull(type);
        this.details = new LinkedHashMap<>(details);
        this.messageArguments = messageArguments.clone();
    }

    public static SmimeException of(ProblemType type, String technicalMessage, Map<String, ?> details) {
        return new SmimeException(type, technicalMessage, details, null);
    }

    public ProblemType type() {
        return type;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    public Map<String, Object> details() {
        return Map.copyOf(details);
    }
}
