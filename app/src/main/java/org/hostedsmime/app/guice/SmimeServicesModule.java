package org.hostedsmime.app.guice;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.utils.PropertiesProvider;
import org.hostedsmime.app.JamesMailAccounts;
import org.hostedsmime.core.directory.KeyDirectory;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.hosting.DomainTrustService;
import org.hostedsmime.core.inbound.InboundDecryption;
import org.hostedsmime.core.hosting.HostedCertificateService;
import org.hostedsmime.core.hosting.MailAccounts;
import org.hostedsmime.core.hosting.ServerTrustAnchors;
import org.hostedsmime.core.hosting.SmimeConfiguration;
import org.hostedsmime.core.hosting.SmimeSettingsService;
import org.hostedsmime.core.hosting.TrustMaterials;
import org.hostedsmime.core.keys.MasterKey;
import org.hostedsmime.core.keys.PrivateKeyEncryption;
import org.hostedsmime.core.store.DomainTrustStore;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.core.store.SmimeSettingsStore;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;

/**
 * The extension's services, whatever the backend: configuration, master key, certificate, trust and settings
 * services. A backend module (memory, Cassandra) installs it and binds the stores.
 */
public class SmimeServicesModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MailAccounts.class).to(JamesMailAccounts.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    SmimeConfiguration configuration(PropertiesProvider properties, JamesDirectoriesProvider directories) throws ConfigurationException {
        return SmimeConfigurationReader.read(properties, Path.of(directories.getRootDirectory()));
    }

    @Provides
    @Singleton
    MasterKey masterKey(SmimeConfiguration configuration) {
        return MasterKey.load(configuration.masterKeyFile(), configuration.generateMasterKey());
    }

    @Provides
    @Singleton
    PrivateKeyEncryption privateKeyEncryption(MasterKey masterKey) {
        return new PrivateKeyEncryption(masterKey);
    }

    @Provides
    @Singleton
    ServerTrustAnchors serverTrustAnchors(SmimeConfiguration configuration) {
        return configuration.serverTrustBundle().map(ServerTrustAnchors::load).orElse(ServerTrustAnchors.NONE);
    }

    @Provides
    @Singleton
    TrustMaterials trustMaterials(DomainTrustStore store, ServerTrustAnchors serverTrustAnchors) {
        return new TrustMaterials(store, serverTrustAnchors);
    }

    @Provides
    @Singleton
    HostedCertificateService hostedCertificateService(HostedCertificateStore certificates, DomainTrustStore domains,
                                                      TrustMaterials trustMaterials, MailAccounts accounts,
                                                      PrivateKeyEncryption keyEncryption, Clock clock,
                                                      SmimeConfiguration configuration) {
        return new HostedCertificateService(certificates, domains, trustMaterials, accounts, keyEncryption, clock,
            configuration.certificatesPerUser());
    }

    @Provides
    @Singleton
    KeyDirectory keyDirectory(HostedCertificateStore hostedCertificates, HostedCertificateService hostedCertificateService,
                              KeyDirectoryStore store, TrustMaterials trustMaterials, MailAccounts accounts, Clock clock) {
        return new KeyDirectory(hostedCertificates, hostedCertificateService, store, trustMaterials, accounts, clock);
    }

    @Provides
    @Singleton
    InboundDecryption inboundDecryption(HostedCertificateService certificates, SmimeSettingsService settings, TrustMaterials trustMaterials) {
        return new InboundDecryption(certificates, settings, trustMaterials);
    }

    @Provides
    @Singleton
    DomainTrustService domainTrustService(DomainTrustStore store, MailAccounts accounts, Clock clock) {
        return new DomainTrustService(store, accounts, clock);
    }

    @Provides
    @Singleton
    SmimeSettingsService smimeSettingsService(SmimeSettingsStore store, HostedCertificateService certificates,
                                              TrustMaterials trustMaterials) {
        return new SmimeSettingsService(store, certificates, trustMaterials);
    }
}
