package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hostedsmime.core.testing.TestCredential;
import org.hostedsmime.core.testing.TestPki;
import org.junit.jupiter.api.Test;

class HostNameCoverageTest {
    private static final TestPki PKI = TestPki.create("Host names");

    @Test
    void aWildcardCoversExactlyOneLeftmostLabel() {
        assertThat(HostNameCoverage.covers("*.example.com", "mail.example.com")).isTrue();
        assertThat(HostNameCoverage.covers("*.example.com", "example.com")).isFalse();
        assertThat(HostNameCoverage.covers("*.example.com", "a.b.example.com")).isFalse();
        assertThat(HostNameCoverage.covers("*.example.com", "mail.example.org")).isFalse();
        assertThat(HostNameCoverage.covers("*.example.com", "mailexample.com")).isFalse();
    }

    @Test
    void namesCompareWithoutCaseOrTrailingDot() {
        assertThat(HostNameCoverage.covers("Mail.Example.COM", "mail.example.com.")).isTrue();
        assertThat(HostNameCoverage.covers("mail.example.com", "smtp.example.com")).isFalse();
    }

    @Test
    void subjectAlternativeNamesAreTheNamesAndTheCnOnlyWithoutThem() {
        TestCredential withNames = PKI.serverLeaf("mail.example.org", "imap.example.org").build();
        TestCredential cnOnly = PKI.serverLeaf("mail.example.org").addresses().build();

        assertThat(HostNameCoverage.names(withNames.certificate())).containsExactly("mail.example.org", "imap.example.org");
        assertThat(HostNameCoverage.dnsNames(cnOnly.certificate())).isEmpty();
        assertThat(HostNameCoverage.names(cnOnly.certificate())).containsExactly("mail.example.org");
    }

    @Test
    void uncoveredListsTheRequiredNamesNoCertificateNameCovers() {
        TestCredential wildcard = PKI.serverLeaf("*.example.org").build();

        assertThat(HostNameCoverage.uncovered(wildcard.certificate(), List.of("mail.example.org", "example.org", "mail.example.net")))
            .containsExactly("example.org", "mail.example.net");
    }
}
