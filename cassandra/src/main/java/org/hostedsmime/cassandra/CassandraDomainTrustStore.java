package org.hostedsmime.cassandra;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.DOMAINS;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.DOMAIN_CERTIFICATES;
import static org.hostedsmime.cassandra.SmimeCassandraSchema.DOMAIN_CRLS;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Comparator;

import javax.inject.Inject;

import org.apache.james.backends.cassandra.utils.CassandraAsyncExecutor;
import org.apache.james.core.Domain;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.store.DomainTrustStore;
import org.reactivestreams.Publisher;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.datastax.oss.driver.api.querybuilder.relation.Relation;

import reactor.core.publisher.Flux;

/**
 * Per-domain administration in Cassandra: the enabled flag; trust anchors and intermediates in one partition
 * per domain and kind (returned in the order they were added); the latest CRL of each issuer.
 */
public class CassandraDomainTrustStore implements DomainTrustStore {
    private static final String ANCHOR = "anchor";
    private static final String INTERMEDIATE = "intermediate";

    private final CassandraAsyncExecutor executor;
    private final PreparedStatement setEnabled;
    private final PreparedStatement selectEnabled;
    private final PreparedStatement addCertificateIfAbsent;
    private final PreparedStatement selectCertificates;
    private final PreparedStatement deleteCertificate;
    private final PreparedStatement saveCrl;
    private final PreparedStatement selectCrls;

    @Inject
    public CassandraDomainTrustStore(CqlSession session) {
        this.executor = new CassandraAsyncExecutor(session);
        this.setEnabled = session.prepare(insertInto(DOMAINS)
            .value("domain", bindMarker("domain"))
            .value("enabled", bindMarker("enabled"))
            .build());
        this.selectEnabled = session.prepare(selectFrom(DOMAINS).column("enabled")
            .where(Relation.column("domain").isEqualTo(bindMarker("domain")))
            .build());
        // Adding again must not move a certificate to the end of the list.
        this.addCertificateIfAbsent = session.prepare(insertInto(DOMAIN_CERTIFICATES)
            .value("domain", bindMarker("domain"))
            .value("kind", bindMarker("kind"))
            .value("fingerprint", bindMarker("fingerprint"))
            .value("certificate", bindMarker("certificate"))
            .value("added", bindMarker("added"))
            .ifNotExists()
            .build());
        this.selectCertificates = session.prepare(selectFrom(DOMAIN_CERTIFICATES).all()
            .where(Relation.column("domain").isEqualTo(bindMarker("domain")),
                Relation.column("kind").isEqualTo(bindMarker("kind")))
            .build());
        this.deleteCertificate = session.prepare(deleteFrom(DOMAIN_CERTIFICATES)
            .where(Relation.column("domain").isEqualTo(bindMarker("domain")),
                Relation.column("kind").isEqualTo(bindMarker("kind")),
                Relation.column("fingerprint").isEqualTo(bindMarker("fingerprint")))
            .build());
        this.saveCrl = session.prepare(insertInto(DOMAIN_CRLS)
            .value("domain", bindMarker("domain"))
            .value("issuer", bindMarker("issuer"))
            .value("crl", bindMarker("crl"))
            .build());
        this.selectCrls = session.prepare(selectFrom(DOMAIN_CRLS).all()
            .where(Relation.column("domain").isEqualTo(bindMarker("domain")))
            .build());
    }

    @Override
    public Publisher<Boolean> isEnabled(Domain domain) {
        return StoreAvailability.guard(executor.executeSingleRow(selectEnabled.bind().setString("domain", domain.asString()))
            .map(row -> row.getBoolean("enabled")));
    }

    @Override
    public Publisher<Void> setEnabled(Domain domain, boolean enabled) {
        return StoreAvailability.guard(executor.executeVoid(setEnabled.bind()
            .setString("domain", domain.asString())
            .setBoolean("enabled", enabled)));
    }

    @Override
    public Publisher<Void> addTrustAnchor(Domain domain, X509Certificate anchor) {
        return add(domain, ANCHOR, anchor);
    }

    @Override
    public Publisher<X509Certificate> trustAnchors(Domain domain) {
        return certificates(domain, ANCHOR);
    }

    @Override
    public Publisher<Void> removeTrustAnchor(Domain domain, Fingerprint fingerprint) {
        return StoreAvailability.guard(executor.executeVoid(deleteCertificate.bind()
            .setString("domain", domain.asString())
            .setString("kind", ANCHOR)
            .setString("fingerprint", fingerprint.value())));
    }

    @Override
    public Publisher<Void> addIntermediate(Domain domain, X509Certificate intermediate) {
        return add(domain, INTERMEDIATE, intermediate);
    }

    @Override
    public Publisher<X509Certificate> intermediates(Domain domain) {
        return certificates(domain, INTERMEDIATE);
    }

    @Override
    public Publisher<Void> saveCrl(Domain domain, X509CRL crl) {
        return StoreAvailability.guard(executor.executeVoid(saveCrl.bind()
            .setString("domain", domain.asString())
            .setString("issuer", crl.getIssuerX500Principal().getName())
            .setByteBuffer("crl", CertificateCodec.encode(crl))));
    }

    @Override
    public Publisher<X509CRL> crls(Domain domain) {
        return StoreAvailability.guard(executor.executeRows(selectCrls.bind().setString("domain", domain.asString()))
            .map(row -> CertificateCodec.crl(row.getByteBuffer("crl"))));
    }

    private Publisher<Void> add(Domain domain, String kind, X509Certificate certificate) {
        return StoreAvailability.guard(executor.executeReturnApplied(addCertificateIfAbsent.bind()
                .setString("domain", domain.asString())
                .setString("kind", kind)
                .setString("fingerprint", Fingerprint.of(certificate).value())
                .setByteBuffer("certificate", CertificateCodec.encode(certificate))
                .setUuid("added", Uuids.timeBased()))
            .then());
    }

    private Flux<X509Certificate> certificates(Domain domain, String kind) {
        return StoreAvailability.guard(executor.executeRows(selectCertificates.bind()
                .setString("domain", domain.asString())
                .setString("kind", kind))
            .sort(Comparator.comparing((Row row) -> row.getUuid("added").timestamp()))
            .map(row -> CertificateCodec.certificate(row.getByteBuffer("certificate"))));
    }
}
