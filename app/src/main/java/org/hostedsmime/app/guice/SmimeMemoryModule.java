package org.hostedsmime.app.guice;

import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.core.store.SmimeSettingsStore;
import org.hostedsmime.memory.MemoryDomainTrustStore;
import org.hostedsmime.memory.MemoryHostedCertificateStore;
import org.hostedsmime.memory.MemoryKeyDirectoryStore;
import org.hostedsmime.memory.MemorySmimeSettingsStore;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/**
 * Hosted S/MIME with every store in memory: the embedded default. Name it in {@code extensions.properties}:
 * <pre>guice.extension.module=org.hostedsmime.app.guice.SmimeMemoryModule</pre>
 */
public class SmimeMemoryModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new SmimeServicesModule());

        bind(MemoryHostedCertificateStore.class).in(Scopes.SINGLETON);
        bind(HostedCertificateStore.class).to(MemoryHostedCertificateStore.class);
        bind(MemorySmimeSettingsStore.class).in(Scopes.SINGLETON);
        bind(SmimeSettingsStore.class).to(MemorySmimeSettingsStore.class);
        bind(MemoryDomainTrustStore.class).in(Scopes.SINGLETON);
        bind(DomainTrustStore.class).to(MemoryDomainTrustStore.class);
        bind(MemoryKeyDirectoryStore.class).in(Scopes.SINGLETON);
        bind(KeyDirectoryStore.class).to(MemoryKeyDirectoryStore.class);
    }
}
