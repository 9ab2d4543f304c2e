package org.hostedsmime.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.apache.commons.configuration2.BaseConfiguration;
import org.junit.jupiter.api.Test;

class TlsCertificateSettingsReaderTest {
    private static final Path WORKING_DIRECTORY = Path.of("/opt/james");

    @Test
    void anEmptyFileMeansTheDefaults() {
        assertThat(TlsCertificateSettingsReader.read(new BaseConfiguration(), WORKING_DIRECTORY)).isEqualTo(TlsCertificateSettings.DEFAULT);
    }

    @Test
    void readsEverySettingWithPathsRelativeToTheWorkingDirectory() {
        BaseConfiguration configuration = new BaseConfiguration();
        configuration.addProperty("hostNames", "Mail.Example.org, imap.example.org");
        configuration.addProperty("trust.jdkRoots", "false");
        configuration.addProperty("trust.extraBundle", "conf/company-ca.pem");
        configuration.addProperty("warning.expiresWithinDays", "14");
        configuration.addProperty("state.directory", "file://var/tls-state");
        configuration.addProperty("state.checkIntervalSeconds", "0");

        TlsCertificateSettings settings = TlsCertificateSettingsReader.read(configuration, WORKING_DIRECTORY);

        assertThat(settings.hostNames()).containsExactly("mail.example.org", "imap.example.org");
        assertThat(settings.jdkRoots()).isFalse();
        assertThat(settings.extraTrustBundle()).contains(Path.of("/opt/james/conf/company-ca.pem"));
        assertThat(settings.expiryWarning()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.stateDirectory()).isEqualTo(Optional.of(Path.of("/opt/james/var/tls-state")));
        assertThat(settings.stateCheckInterval()).isZero();
    }
}
