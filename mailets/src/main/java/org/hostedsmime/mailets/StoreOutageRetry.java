package org.hostedsmime.mailets;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.util.DurationParser;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What inbound mailets do while a store (Cassandra) is down: the mail waits in James's queue and comes back to
 * the same processor later, with a delay that doubles each time, so it is decrypted and verified once the
 * store is back. When the retries are used up, it is delivered without that step rather than held forever.
 *
 * <p>Parameters of the mailet using it: {@code storeRetries} (default 6) and {@code storeRetryDelay} (first
 * delay, default {@code 60s}; James's duration syntax, e.g. {@code 500ms}, {@code 2m}).</p>
 */
final class StoreOutageRetry {
    private static final Logger LOGGER = LoggerFactory.getLogger(StoreOutageRetry.class);
    static final AttributeName ATTEMPTS = AttributeName.of("org.hostedsmime.inbound.storeRetries");

    private final int maxRetries;
    private final Duration firstDelay;

    private StoreOutageRetry(int maxRetries, Duration firstDelay) {
        this.maxRetries = maxRetries;
        this.firstDelay = firstDelay;
    }

    static StoreOutageRetry fromParameters(GenericMailet mailet) throws MessagingException {
        String retries = mailet.getInitParameter("storeRetries", "6");
        String delay = mailet.getInitParameter("storeRetryDelay", "60s");
        try {
            return new StoreOutageRetry(Integer.parseInt(retries.trim()), DurationParser.parse(delay));
        } catch (RuntimeException e) {
            throw new MessagingException("storeRetries is a number and storeRetryDelay a duration such as 60s or 500ms, not '"
                + retries + "' / '" + delay + "'");
        }
    }

    static boolean isOutage(Throwable error) {
        return error instanceof SmimeException problem && problem.type() == ProblemType.STORE_UNAVAILABLE;
    }

    /**
     * Re-queues a copy of the mail to its current processor after the next delay and drops this one.
     *
     * @return false when the retries are used up: the caller delivers without the S/MIME step
     */
    boolean retryLater(MailetContext context, Mail mail, Throwable cause) throws MessagingException {
        int attempts = AttributeUtils.getValueAndCastFromMail(mail, ATTEMPTS, Integer.class).orElse(0);
        if (attempts >= maxRetries) {
            LOGGER.warn("Store still unavailable after {} retries for mail {}: delivering it without this step", attempts, mail.getName());
            return false;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts, 20));
        Mail copy = mail.duplicate();
        try {
            copy.setAttribute(new Attribute(ATTEMPTS, AttributeValue.of(attempts + 1)));
            context.sendMail(copy, mail.getState(), delay.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            LifecycleUtil.dispose(copy);
        }
        mail.setState(Mail.GHOST);
        LOGGER.warn("Store unavailable ({}): mail {} retried in {} ms (attempt {} of {})", cause.getMessage(), mail.getName(),
            delay.toMillis(), attempts + 1, maxRetries);
        return true;
    }
}
