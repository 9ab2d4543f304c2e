package org.hostedsmime.cassandra;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.SERVER_CERTIFICATES;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.SERVER_CERTIFICATE_REQUESTS;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.SERVER_CRLS;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.backends.cassandra.utils.CassandraAsyncExecutor;
import org.apache.james.core.Username;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.keys.EncryptedPrivateKey;
import org.hostedsmime.core.keys.PrivateKeyEncryption;
import org.hostedsmime.core.tls.AppliedServerCertificate;
import org.hostedsmime.core.tls.CsrKeyType;
import org.hostedsmime.core.tls.PendingCertificateRequest;
import org.hostedsmime.core.tls.ServerCertificateStore;
import org.hostedsmime.core.tls.ServerCredentials;
import org.reactivestreams.Publisher;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.querybuilder.relation.Relation;

/**
 * The server TLS certificate state in Cassandra, shared by every James node of the cluster: the current and
 * previous certificates one row each, the pending certificate signing request one row, the CRLs one partition
 * (one row per issuer). Private keys are stored only as the ciphertext, nonce and master key id of
 * {@link EncryptedPrivateKey}, encrypted here with the master key every node shares; the additional
 * authenticated data binds a key to the certificate it was applied with (SHA-256 of the leaf) or to its
 * request (SHA-256 of the CSR text), so a ciphertext moved to another row does not decrypt.
 */
public class CassandraServerCertificateStore implements ServerCertificateStore {
    private static final String CURRENT = "current";
    private static final String PREVIOUS = "previous";
    private static final String PENDING = "pending";
    private static final String SERVER_SCOPE = "server";
    /** The "owner" in the additional authenticated data of the server's keys. */
    private static final Username SERVER = Username.of("tls-server");

    private final CassandraAsyncExecutor executor;
    private final PrivateKeyEncryption keyEncryption;
    private final PreparedStatement saveCertificate;
    private final PreparedStatement selectCertificate;
    private final PreparedStatement saveRequest;
    private final PreparedStatement selectRequest;
    private final PreparedStatement deleteRequest;
    private final PreparedStatement saveCrl;
    private final PreparedStatement selectCrls;

    @Inject
    public CassandraServerCertificateStore(CqlSession session, PrivateKeyEncryption keyEncryption) {
        this.executor = new CassandraAsyncExecutor(session);
        this.keyEncryption = keyEncryption;
        this.saveCertificate = session.prepare(insertInto(SERVER_CERTIFICATES)
            .value("slot", bindMarker("slot"))
            .value("chain", bindMarker("chain"))
            .value("master_key_id", bindMarker("master_key_id"))
            .value("key_nonce", bindMarker("key_nonce"))
            .value("key_ciphertext", bindMarker("key_ciphertext"))
            .value("applied_at", bindMarker("applied_at"))
            .build());
        this.selectCertificate = session.prepare(selectFrom(SERVER_CERTIFICATES).all()
            .where(Relation.column("slot").isEqualTo(bindMarker("slot")))
            .build());
        this.saveRequest = session.prepare(insertInto(SERVER_CERTIFICATE_REQUESTS)
            .value("slot", bindMarker("slot"))
            .value("csr", bindMarker("csr"))
            .value("common_name", bindMarker("common_name"))
            .value("subject_alt_names", bindMarker("subject_alt_names"))
            .value("key_type", bindMarker("key_type"))
            .value("created_at", bindMarker("created_at"))
            .value("master_key_id", bindMarker("master_key_id"))
            .value("key_nonce", bindMarker("key_nonce"))
            .value("key_ciphertext", bindMarker("key_ciphertext"))
            .build());
        this.selectRequest = session.prepare(selectFrom(SERVER_CERTIFICATE_REQUESTS).all()
            .where(Relation.column("slot").isEqualTo(bindMarker("slot")))
            .build());
        this.deleteRequest = session.prepare(deleteFrom(SERVER_CERTIFICATE_REQUESTS)
            .where(Relation.column("slot").isEqualTo(bindMarker("slot")))
            .build());
        this.saveCrl = session.prepare(insertInto(SERVER_CRLS)
            .value("scope", bindMarker("scope"))
            .value("issuer", bindMarker("issuer"))
            .value("crl", bindMarker("crl"))
            .build());
        this.selectCrls = session.prepare(selectFrom(SERVER_CRLS).all()
            .where(Relation.column("scope").isEqualTo(bindMarker("scope")))
            .build());
    }

    /** Every node reads and writes the same rows. */
    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Publisher<AppliedServerCertificate> current() {
        return certificate(CURRENT);
    }

    @Override
    public Publisher<Void> saveCurrent(AppliedServerCertificate certificate) {
        return saveCertificate(CURRENT, certificate);
    }

    @Override
    public Publisher<AppliedServerCertificate> previous() {
        return certificate(PREVIOUS);
    }

    @Override
    public Publisher<Void> savePrevious(AppliedServerCertificate certificate) {
        return saveCertificate(PREVIOUS, certificate);
    }

    @Override
    public Publisher<PendingCertificateRequest> pendingRequest() {
        return StoreAvailability.guard(executor.executeSingleRow(selectRequest.bind().setString("slot", PENDING)))
            .map(this::toRequest);
    }

    @Override
    public Publisher<Void> savePendingRequest(PendingCertificateRequest request) {
        EncryptedPrivateKey key = keyEncryption.encrypt(SERVER, requestFingerprint(request.csrPem()), request.privateKey());
        return StoreAvailability.guard(executor.executeVoid(EncryptedKeyColumns.bind(saveRequest.bind(), key)
            .setString("slot", PENDING)
            .setString("csr", request.csrPem())
            .setString("common_name", request.commonName())
            .setList("subject_alt_names", request.subjectAltNames(), String.class)
            .setString("key_type", request.keyType().value())
            .setInstant("created_at", request.createdAt())));
    }

    @Override
    public Publisher<Void> deletePendingRequest() {
        return StoreAvailability.guard(executor.executeVoid(deleteRequest.bind().setString("slot", PENDING)));
    }

    @Override
    public Publisher<X509CRL> crls() {
        return StoreAvailability.guard(executor.executeRows(selectCrls.bind().setString("scope", SERVER_SCOPE)))
            .map(row -> CertificateCodec.crl(row.getByteBuffer("crl")));
    }

    @Override
    public Publisher<Void> saveCrl(X509CRL crl) {
        return StoreAvailability.guard(executor.executeVoid(saveCrl.bind()
            .setString("scope", SERVER_SCOPE)
            .setString("issuer", crl.getIssuerX500Principal().getName())
            .setByteBuffer("crl", CertificateCodec.encode(crl))));
    }

    private Publisher<AppliedServerCertificate> certificate(String slot) {
        return StoreAvailability.guard(executor.executeSingleRow(selectCertificate.bind().setString("slot", slot)))
            .map(this::toCertificate);
    }

    private Publisher<Void> saveCertificate(String slot, AppliedServerCertificate certificate) {
        ServerCredentials credentials = certificate.credentials();
        EncryptedPrivateKey key = keyEncryption.encrypt(SERVER, Fingerprint.of(credentials.leaf()), credentials.privateKey());
        return StoreAvailability.guard(executor.executeVoid(EncryptedKeyColumns.bind(saveCertificate.bind(), key)
            .setString("slot", slot)
            .setList("chain", CertificateCodec.encode(credentials.chain()), ByteBuffer.class)
            .setInstant("applied_at", certificate.appliedAt().orElse(null))));
    }

    private AppliedServerCertificate toCertificate(Row row) {
        List<X509Certificate> chain = CertificateCodec.certificates(row.getList("chain", ByteBuffer.class));
        ServerCredentials credentials = new ServerCredentials(
            keyEncryption.decrypt(SERVER, Fingerprint.of(chain.get(0)), EncryptedKeyColumns.read(row)), chain);
        return new AppliedServerCertificate(credentials, Optional.ofNullable(row.getInstant("applied_at")));
    }

    private PendingCertificateRequest toRequest(Row row) {
        String csr = row.getString("csr");
        String keyType = row.getString("key_type");
        return new PendingCertificateRequest(
            keyEncryption.decrypt(SERVER, requestFingerprint(csr), EncryptedKeyColumns.read(row)),
            csr,
            row.getString("common_name"),
            row.getList("subject_alt_names", String.class),
            CsrKeyType.parse(keyType).orElseThrow(() -> new IllegalStateException("The pending request has an unknown key type: " + keyType)),
            row.getInstant("created_at"));
    }

    /** Names the request's key in the additional authenticated data: SHA-256 of the CSR as stored. */
    private static Fingerprint requestFingerprint(String csrPem) {
        return Fingerprint.of(csrPem.getBytes(StandardCharsets.US_ASCII));
    }
}
