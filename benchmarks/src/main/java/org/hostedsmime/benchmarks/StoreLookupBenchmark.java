package org.hostedsmime.benchmarks;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.Username;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hostedsmime.cassandra.CassandraHostedCertificateStore;
import org.hostedsmime.cassandra.CassandraKeyDirectoryStore;
import org.hostedsmime.cassandra.SmimeCassandraSession;
import org.hostedsmime.core.certificate.Fingerprint;
import org.hostedsmime.core.crypto.CryptoProvider;
import org.hostedsmime.core.directory.CertificateSource;
import org.hostedsmime.core.directory.DirectoryEntry;
import org.hostedsmime.core.directory.KeyDirectoryStore;
import org.hostedsmime.core.directory.SmimeCapabilities;
import org.hostedsmime.core.keys.EncryptedPrivateKey;
import org.hostedsmime.core.store.HostedCertificate;
import org.hostedsmime.core.store.HostedCertificateStore;
import org.hostedsmime.memory.MemoryHostedCertificateStore;
import org.hostedsmime.memory.MemoryKeyDirectoryStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.datastax.oss.driver.api.core.CqlSession;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The two lookups on the mail path, with {@code certificates} certificates stored: the key directory lookup by
 * address (encrypting to a recipient) and loading a user's default certificate with its encrypted key
 * (signing). Memory and Cassandra stores run in the same JMH run, so their ratio is measured on the same
 * machine under the same conditions. Sample time mode: JMH reports p50, p90, p99.
 *
 * <p>Needs a Cassandra node: {@code scripts/cassandra.sh start}, then {@code benchmarks/run.sh}.</p>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class StoreLookupBenchmark {

    @Param({"100000"})
    public int certificates;

    @Param({"memory", "cassandra"})
    public String backend;

    private KeyDirectoryStore directory;
    private HostedCertificateStore hosted;
    private CqlSession session;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        if (backend.equals("memory")) {
            directory = new MemoryKeyDirectoryStore();
            hosted = new MemoryHostedCertificateStore();
        } else {
            String[] node = System.getProperty("cassandra.host", "127.0.0.1:9042").split(":");
            session = SmimeCassandraSession.withTables(SmimeCassandraSession.open(new SmimeCassandraSession.Settings(
                List.of(new InetSocketAddress(node[0], Integer.parseInt(node[1]))), "smime_benchmark", 1, "datacenter1")));
            directory = new CassandraKeyDirectoryStore(session);
            hosted = new CassandraHostedCertificateStore(session);
        }
        Certificates factory = new Certificates();
        Instant now = Instant.now();
        EncryptedPrivateKey key = new EncryptedPrivateKey("0123456789abcdef", new byte[12], new byte[1232]);
        Flux.range(0, certificates)
            .flatMap(index -> {
                X509Certificate certificate = factory.issue(index);
                Fingerprint fingerprint = Fingerprint.of(certificate);
                return Mono.when(
                    directory.save(new DirectoryEntry(address(index), fingerprint, certificate, List.of(), CertificateSource.COLLECTED,
                        SmimeCapabilities.ofThisServer(), now, now)),
                    Mono.from(hosted.save(new HostedCertificate(user(index), fingerprint, List.of(certificate), key, now)))
                        .then(Mono.from(hosted.setDefault(user(index), fingerprint))));
            }, 32)
            .then()
            .block();
    }

    @TearDown(Level.Trial)
    public void close() {
        if (session != null) {
            session.close();
        }
    }

    @Benchmark
    public List<DirectoryEntry> directoryLookupByAddress() {
        return Flux.from(directory.entries(address(ThreadLocalRandom.current().nextInt(certificates)))).collectList().block();
    }

    @Benchmark
    public HostedCertificate defaultCertificateForSigning() {
        Username user = user(ThreadLocalRandom.current().nextInt(certificates));
        return Mono.from(hosted.retrieveDefaultCertificate(user)).block();
    }

    static String address(int index) {
        return "correspondent" + index + "@partner.example";
    }

    static Username user(int index) {
        return Username.of("user" + index + "@example.org");
    }

    /** Many distinct certificates quickly: one EC key pair, one signer; only serial and address differ. */
    static final class Certificates {
        private final KeyPair keys;
        private final ContentSigner signer;
        private final JcaX509CertificateConverter converter = new JcaX509CertificateConverter();

        Certificates() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            keys = generator.generateKeyPair();
            signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(CryptoProvider.BOUNCY_CASTLE).build(keys.getPrivate());
        }

        X509Certificate issue(int index) {
            try {
                Instant now = Instant.now();
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Benchmark CA"),
                    BigInteger.valueOf(index + 1L), Date.from(now.minusSeconds(86400)), Date.from(now.plusSeconds(86400 * 365L)),
                    new X500Name("CN=" + address(index)), keys.getPublic());
                builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, address(index))));
                return converter.getCertificate(builder.build(signer));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
