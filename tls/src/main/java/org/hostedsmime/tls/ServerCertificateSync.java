package org.hostedsmime.tls;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;

import org.hostedsmime.core.tls.ServerCertificateService;
import org.hostedsmime.core.tls.ServerCertificateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server of a cluster presenting the certificate of the shared {@link ServerCertificateStore}: at
 * start, then every {@code interval} (none when zero), {@link ServerCertificateService#serveStoredCurrent()}
 * switches this server's TLS servers to the certificate another one applied. A failed check (Cassandra down,
 * another master key) is logged and tried again at the next one; what is served meanwhile stays served. With
 * a store of this server's own, nothing is checked.
 */
public class ServerCertificateSync {
    private static final Logger LOGGER = LoggerFactory.getLogger(ServerCertificateSync.class);

    private final ServerCertificateService service;
    private final ServerCertificateStore store;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ServerCertificateSync(ServerCertificateService service, ServerCertificateStore store, Duration interval) {
        this.service = service;
        this.store = store;
        this.interval = interval;
    }

    public synchronized void start() {
        if (!store.shared() || scheduler != null) {
            return;
        }
        check();
        if (interval.isZero()) {
            LOGGER.info("Server TLS certificate state is shared: checked at start only (state.checkIntervalSeconds=0)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tls-certificate-sync");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOGGER.info("Server TLS certificate state is shared: checked every {} s for a certificate another server applied", interval.toSeconds());
    }

    @PreDestroy
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    void check() {
        try {
            service.serveStoredCurrent();
        } catch (RuntimeException e) {
            LOGGER.warn("Could not serve the server TLS certificate of the shared state, tried again {}: {}",
                interval.isZero() ? "at the next start" : "in " + interval.toSeconds() + " s", e.getMessage());
        }
    }
}
