package org.hostedsmime.cassandra;

import static com.datastax.oss.driver.api.core.type.DataTypes.BLOB;
import static com.datastax.oss.driver.api.core.type.DataTypes.BOOLEAN;
import static com.datastax.oss.driver.api.core.type.DataTypes.TEXT;
import static com.datastax.oss.driver.api.core.type.DataTypes.TIMESTAMP;
import static com.datastax.oss.driver.api.core.type.DataTypes.TIMEUUID;
import static com.datastax.oss.driver.api.core.type.DataTypes.listOf;

import org.apache.james.backends.cassandra.components.CassandraModule;

/**
 * The tables of every Hosted S/MIME store, designed for their queries: a partition per user, per domain and
 * per address, each bounded (a user hosts at most a few dozen certificates; an address has a handful of
 * certificates), no secondary index, no ALLOW FILTERING. The server TLS certificate state, shared by every
 * node, is a few single-row partitions and one partition of CRLs (one per issuer).
 */
public final class SmimeCassandraSchema {
    public static final String HOSTED_CERTIFICATES = "smime_hosted_certificates";
    public static final String SETTINGS = "smime_settings";
    public static final String DOMAINS = "smime_domains";
    public static final String DOMAIN_CERTIFICATES = "smime_domain_certificates";
    public static final String DOMAIN_CRLS = "smime_domain_crls";
    public static final String KEY_DIRECTORY = "smime_key_directory";
    public static final String SERVER_CERTIFICATES = "smime_server_certificates";
    public static final String SERVER_CERTIFICATE_REQUESTS = "smime_server_certificate_requests";
    public static final String SERVER_CRLS = "smime_server_crls";

    public static final CassandraModule MODULE = CassandraModule.builder()
        .table(HOSTED_CERTIFICATES)
        .comment("Hosted certificates of users, the private key only as AES-256-GCM ciphertext. One partition per user.")
        .statement(statement -> types -> statement
            .withPartitionKey("owner", TEXT)
            .withClusteringColumn("fingerprint", TEXT)
            .withColumn("chain", listOf(BLOB))
            .withColumn("master_key_id", TEXT)
            .withColumn("key_nonce", BLOB)
            .withColumn("key_ciphertext", BLOB)
            .withColumn("imported_at", TIMESTAMP)
            .withStaticColumn("default_fingerprint", TEXT))
        .table(SETTINGS)
        .comment("Per-user S/MIME switches.")
        .statement(statement -> types -> statement
            .withPartitionKey("user", TEXT)
            .withColumn("sign", BOOLEAN)
            .withColumn("encrypt", BOOLEAN)
            .withColumn("missing_key_policy", TEXT))
        .table(DOMAINS)
        .comment("Whether S/MIME is enabled per domain.")
        .statement(statement -> types -> statement
            .withPartitionKey("domain", TEXT)
            .withColumn("enabled", BOOLEAN))
        .table(DOMAIN_CERTIFICATES)
        .comment("Trust anchors and known intermediate CA certificates, one partition per domain and kind.")
        .statement(statement -> types -> statement
            .withPartitionKey("domain", TEXT)
            .withPartitionKey("kind", TEXT)
            .withClusteringColumn("fingerprint", TEXT)
            .withColumn("certificate", BLOB)
            .withColumn("added", TIMEUUID))
        .table(DOMAIN_CRLS)
        .comment("The latest CRL of each issuer, per domain.")
        .statement(statement -> types -> statement
            .withPartitionKey("domain", TEXT)
            .withClusteringColumn("issuer", TEXT)
            .withColumn("crl", BLOB))
        .table(KEY_DIRECTORY)
        .comment("Collected and imported certificates of correspondents, one partition per address.")
        .statement(statement -> types -> statement
            .withPartitionKey("address", TEXT)
            .withClusteringColumn("fingerprint", TEXT)
            .withColumn("certificate", BLOB)
            .withColumn("issuers", listOf(BLOB))
            .withColumn("source", TEXT)
            .withColumn("capabilities", BLOB)
            .withColumn("first_seen", TIMESTAMP)
            .withColumn("last_seen", TIMESTAMP))
        .table(SERVER_CERTIFICATES)
        .comment("The server TLS certificate applied last (slot current) and the one before it (slot previous), "
            + "the private key only as AES-256-GCM ciphertext. One row per slot.")
        .statement(statement -> types -> statement
            .withPartitionKey("slot", TEXT)
            .withColumn("chain", listOf(BLOB))
            .withColumn("master_key_id", TEXT)
            .withColumn("key_nonce", BLOB)
            .withColumn("key_ciphertext", BLOB)
            .withColumn("applied_at", TIMESTAMP))
        .table(SERVER_CERTIFICATE_REQUESTS)
        .comment("The pending server certificate signing request (slot pending), its private key only as AES-256-GCM ciphertext.")
        .statement(statement -> types -> statement
            .withPartitionKey("slot", TEXT)
            .withColumn("csr", TEXT)
            .withColumn("common_name", TEXT)
            .withColumn("subject_alt_names", listOf(TEXT))
            .withColumn("key_type", TEXT)
            .withColumn("created_at", TIMESTAMP)
            .withColumn("master_key_id", TEXT)
            .withColumn("key_nonce", BLOB)
            .withColumn("key_ciphertext", BLOB))
        .table(SERVER_CRLS)
        .comment("The latest CRL of each issuer for server certificate checks, in one partition (scope server).")
        .statement(statement -> types -> statement
            .withPartitionKey("scope", TEXT)
            .withClusteringColumn("issuer", TEXT)
            .withColumn("crl", BLOB))
        .build();

    private SmimeCassandraSchema() {
    }
}
