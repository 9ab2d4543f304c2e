package org.hostedsmime.cassandra;

import java.nio.ByteBuffer;

import org.hostedsmime.core.keys.EncryptedPrivateKey;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * An {@link EncryptedPrivateKey} in the three columns of every table that keeps a key: {@code master_key_id},
 * {@code key_nonce}, {@code key_ciphertext}. Only ciphertext is ever bound or read here.
 */
final class EncryptedKeyColumns {

    static BoundStatement bind(BoundStatement statement, EncryptedPrivateKey key) {
        return statement
            .setString("master_key_id", key.masterKeyId())
            .setByteBuffer("key_nonce", ByteBuffer.wrap(key.nonce()))
            .setByteBuffer("key_ciphertext", ByteBuffer.wrap(key.ciphertext()));
    }

    static EncryptedPrivateKey read(Row row) {
        return new EncryptedPrivateKey(row.getString("master_key_id"),
            CertificateCodec.bytes(row.getByteBuffer("key_nonce")),
            CertificateCodec.bytes(row.getByteBuffer("key_ciphertext")));
    }

    private EncryptedKeyColumns() {
    }
}
