package org.hostedsmime.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.hostedsmime.core.tls.FileServerCertificateStore;
import org.hostedsmime.core.tls.ServerCertificateService;
import org.hostedsmime.core.tls.ServerCertificateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateSyncTest {
    /** Counts the checks; the first one fails, as when Cassandra is down at start. */
    private static class CountingService extends ServerCertificateService {
        private final AtomicInteger checks = new AtomicInteger();

        CountingService() {
            super(null, null, null, null);
        }

        @Override
        public synchronized boolean serveStoredCurrent() {
            if (checks.incrementAndGet() == 1) {
                throw new IllegalStateException("Cassandra is unavailable");
            }
            return false;
        }
    }

    @TempDir
    Path directory;

    private final CountingService service = new CountingService();
    private ServerCertificateSync sync;

    @AfterEach
    void tearDown() {
        if (sync != null) {
            sync.stop();
        }
    }

    private ServerCertificateStore store(boolean shared) {
        return new FileServerCertificateStore(directory) {
            @Override
            public boolean shared() {
                return shared;
            }
        };
    }

    @Test
    void aStoreOfThisServersOwnIsNotChecked() {
        sync = new ServerCertificateSync(service, store(false), Duration.ofMillis(20));

        sync.start();

        assertThat(service.checks).hasValue(0);
    }

    @Test
    void aSharedStoreIsCheckedAtStartAndAgainAfterAFailure() throws Exception {
        sync = new ServerCertificateSync(service, store(true), Duration.ofMillis(20));

        sync.start();
        assertThat(service.checks.get()).isGreaterThanOrEqualTo(1);
        Thread.sleep(500);

        assertThat(service.checks.get()).isGreaterThanOrEqualTo(3);
        sync.stop();
        int afterStop = service.checks.get();
        Thread.sleep(100);
        assertThat(service.checks).hasValue(afterStop);
    }

    @Test
    void aZeroIntervalChecksAtStartOnly() throws Exception {
        sync = new ServerCertificateSync(service, store(true), Duration.ZERO);

        sync.start();
        Thread.sleep(100);

        assertThat(service.checks).hasValue(1);
    }
}
