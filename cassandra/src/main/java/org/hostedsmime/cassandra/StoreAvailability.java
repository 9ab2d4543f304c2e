package org.hostedsmime.cassandra;

import java.util.Map;

import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cassandra being down is not a bug: it becomes {@link ProblemType#STORE_UNAVAILABLE}, which WebAdmin answers
 * with 503 and mailets treat as a failure: outbound mail waits in the error repository (nothing is sent unsafely),
 * inbound mailets retry the mail later.
 */
final class StoreAvailability {

    static <T> Mono<T> guard(Mono<T> operation) {
        return operation.onErrorMap(StoreAvailability::isOutage, StoreAvailability::unavailable);
    }

    static <T> Flux<T> guard(Flux<T> operation) {
        return operation.onErrorMap(StoreAvailability::isOutage, StoreAvailability::unavailable);
    }

    private static boolean isOutage(Throwable error) {
        return error instanceof AllNodesFailedException || error instanceof NoNodeAvailableException
            || error instanceof DriverTimeoutException || error instanceof QueryExecutionException
            || (error instanceof DriverException && error.getMessage() != null && error.getMessage().contains("closed"));
    }

    private static SmimeException unavailable(Throwable error) {
        return new SmimeException(ProblemType.STORE_UNAVAILABLE, "Cassandra is unavailable: " + error.getClass().getSimpleName(),
            Map.of("store", "cassandra"), error);
    }

    private StoreAvailability() {
    }
}
