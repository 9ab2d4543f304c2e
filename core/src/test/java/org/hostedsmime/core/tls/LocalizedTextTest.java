package org.hostedsmime.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostedsmime.core.i18n.SmimeMessages;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {
    private static final LocalizedText KEY_MISMATCH_WITH_HINT = LocalizedText.of("problem.key-mismatch",
        LocalizedText.of("problem.key-mismatch.chain-hint", "CN=mail.example.org"));

    @Test
    void aNestedTextIsRenderedInTheSameLanguage() {
        assertThat(KEY_MISMATCH_WITH_HINT.in(SmimeMessages.english()))
            .startsWith("Certificate and key do not match")
            .endsWith("The private key belongs to a certificate of the chain (CN=mail.example.org).");
        assertThat(KEY_MISMATCH_WITH_HINT.in(SmimeMessages.forAcceptLanguage("zh-CN")))
            .startsWith("证书与私钥不匹配")
            .endsWith("该私钥属于证书链中的证书（CN=mail.example.org）。");
    }

    @Test
    void everyServerCertificateMessageExistsInBothLanguages() {
        for (String key : new String[] {"problem.tls.corrupt", "problem.tls.wrong-password", "problem.tls.no-private-key",
            "problem.tls.expired", "problem.tls.not-yet-valid", "problem.tls.revoked", "warning.untrusted-root", "warning.expires-soon"}) {
            String english = LocalizedText.of(key, "x", "y").in(SmimeMessages.english());
            String chinese = LocalizedText.of(key, "x", "y").in(SmimeMessages.forAcceptLanguage("zh-CN"));
            assertThat(chinese).isNotEqualTo(english);
        }
    }
}
