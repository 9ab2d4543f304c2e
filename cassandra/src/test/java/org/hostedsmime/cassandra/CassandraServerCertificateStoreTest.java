package org.hostedsmime.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.hostedsmime.cassandra.testing.CassandraNodeExtension;
import org.hostedsmime.core.keys.MasterKey;
import org.hostedsmime.core.keys.PrivateKeyEncryption;
import org.hostedsmime.core.keys.PrivateKeyEncryption.KeyDecryptionException;
import org.hostedsmime.core.tls.AppliedServerCertificate;
import org.hostedsmime.core.tls.CertificateSigningRequests;
import org.hostedsmime.core.tls.CsrKeyType;
import org.hostedsmime.core.tls.PemFiles;
import org.hostedsmime.core.tls.PendingCertificateRequest;
import org.hostedsmime.core.tls.ServerCertificateStore;
import org.hostedsmime.core.tls.ServerCertificateStoreContract;
import org.hostedsmime.core.tls.ServerCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.cql.Row;

import reactor.core.publisher.Mono;

class CassandraServerCertificateStoreTest implements ServerCertificateStoreContract {
    @RegisterExtension
    static CassandraNodeExtension cassandra = new CassandraNodeExtension(SmimeCassandraSchema.MODULE);

    private final MasterKey masterKey = MasterKey.generate();
    private ServerCertificateStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraServerCertificateStore(cassandra.session(), new PrivateKeyEncryption(masterKey));
    }

    @Override
    public ServerCertificateStore store() {
        return store;
    }

    @Test
    void privateKeysAreEncryptedAtRest() {
        ServerCredentials credentials = ServerCertificateStoreContract.credentials(PKI.serverLeaf("mail.example.org").build());
        PendingCertificateRequest request = CertificateSigningRequests.create("mail.example.org", List.of(), CsrKeyType.EC_P256, NOW);
        Mono.from(store.saveCurrent(AppliedServerCertificate.at(credentials, NOW))).block();
        Mono.from(store.savePendingRequest(request)).block();

        Row current = cassandra.session().execute("SELECT * FROM " + SmimeCassandraSchema.SERVER_CERTIFICATES + " WHERE slot = 'current'").one();
        Row pending = cassandra.session().execute("SELECT * FROM " + SmimeCassandraSchema.SERVER_CERTIFICATE_REQUESTS + " WHERE slot = 'pending'").one();

        assertThat(current.getString("master_key_id")).isEqualTo(masterKey.keyId());
        assertThat(pending.getString("master_key_id")).isEqualTo(masterKey.keyId());
        assertNotStoredInClear(allBytesOf(current), credentials.privateKey().getEncoded(), PemFiles.toPem(credentials.privateKey()));
        assertNotStoredInClear(allBytesOf(pending), request.privateKey().getEncoded(), PemFiles.toPem(request.privateKey()));
    }

    @Test
    void anotherMasterKeyCannotReadTheKeys() {
        ServerCredentials credentials = ServerCertificateStoreContract.credentials(PKI.serverLeaf("mail.example.org").build());
        Mono.from(store.saveCurrent(AppliedServerCertificate.at(credentials, NOW))).block();
        ServerCertificateStore otherNode = new CassandraServerCertificateStore(cassandra.session(), new PrivateKeyEncryption(MasterKey.generate()));

        assertThatThrownBy(() -> Mono.from(otherNode.current()).block())
            .isInstanceOf(KeyDecryptionException.class)
            .hasMessageContaining(masterKey.keyId());
    }

    @Test
    void aKeyMovedToAnotherCertificateDoesNotDecrypt() {
        ServerCredentials first = ServerCertificateStoreContract.credentials(PKI.serverLeaf("mail.example.org").build());
        ServerCredentials second = ServerCertificateStoreContract.credentials(PKI.serverLeaf("mail.example.org").build());
        Mono.from(store.saveCurrent(AppliedServerCertificate.at(first, NOW))).block();
        Mono.from(store.savePrevious(AppliedServerCertificate.at(second, NOW))).block();

        Row previous = cassandra.session().execute("SELECT key_nonce, key_ciphertext FROM " + SmimeCassandraSchema.SERVER_CERTIFICATES
            + " WHERE slot = 'previous'").one();
        cassandra.session().execute(cassandra.session().prepare("UPDATE " + SmimeCassandraSchema.SERVER_CERTIFICATES
                + " SET key_nonce = ?, key_ciphertext = ? WHERE slot = 'current'")
            .bind(previous.getByteBuffer("key_nonce"), previous.getByteBuffer("key_ciphertext")));

        assertThatThrownBy(() -> Mono.from(store.current()).block()).isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void theStoreIsSharedByTheNodes() {
        assertThat(store.shared()).isTrue();
    }

    /** Every blob and text of the row, the way a copy of the database shows them. */
    private static byte[] allBytesOf(Row row) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < row.getColumnDefinitions().size(); i++) {
            Object value = row.getObject(i);
            if (value instanceof ByteBuffer buffer) {
                parts.add(CertificateCodec.bytes(buffer));
            } else if (value instanceof String text) {
                parts.add(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        int length = parts.stream().mapToInt(part -> part.length).sum();
        ByteBuffer all = ByteBuffer.allocate(length);
        parts.forEach(all::put);
        return all.array();
    }

    private static void assertNotStoredInClear(byte[] stored, byte[] pkcs8, String pem) {
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(storedText).doesNotContain(new String(pkcs8, StandardCharsets.ISO_8859_1));
        assertThat(storedText).doesNotContain("PRIVATE KEY");
        assertThat(storedText).doesNotContain(Base64.getEncoder().encodeToString(pkcs8).substring(0, 64));
        assertThat(pem).contains("PRIVATE KEY");
    }
}
