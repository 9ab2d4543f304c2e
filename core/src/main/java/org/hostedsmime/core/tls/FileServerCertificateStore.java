package org.hostedsmime.core.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bouncycastle.util.io.pem.PemObject;
import org.hostedsmime.core.certificate.CertificateDecoder;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ServerCertificateStore} as files in one directory next to the served key and chain, each written
 * atomically and readable by the owner only (the directory too): {@code current.pem}, {@code previous.pem} and
 * {@code pending-request.pem} hold a few {@code Name: value} lines followed by the PKCS#8 key and the
 * certificates (or the request), the way the served files hold them; {@code crls/} one PEM CRL per issuer.
 * Meant for a single server; a cluster needs a shared backend.
 */
public class FileServerCertificateStore implements ServerCertificateStore {
    private static final String CURRENT = "current.pem";
    private static final String PREVIOUS = "previous.pem";
    private static final String PENDING = "pending-request.pem";
    private static final String CRLS = "crls";
    private static final String APPLIED_AT = "Applied-At";
    private static final String CREATED_AT = "Created-At";
    private static final String COMMON_NAME = "Common-Name";
    private static final String SUBJECT_ALT_NAMES = "Subject-Alt-Names";
    private static final String KEY_TYPE = "Key-Type";
    private static final String STATE_FIELD = "stored state";

    private final Path directory;

    public FileServerCertificateStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public Publisher<AppliedServerCertificate> current() {
        return Mono.fromCallable(() -> readApplied(CURRENT)).flatMap(Mono::justOrEmpty);
    }

    @Override
    public Publisher<Void> saveCurrent(AppliedServerCertificate certificate) {
        return Mono.fromRunnable(() -> writeApplied(CURRENT, certificate));
    }

    @Override
    public Publisher<AppliedServerCertificate> previous() {
        return Mono.fromCallable(() -> readApplied(PREVIOUS)).flatMap(Mono::justOrEmpty);
    }

    @Override
    public Publisher<Void> savePrevious(AppliedServerCertificate certificate) {
        return Mono.fromRunnable(() -> writeApplied(PREVIOUS, certificate));
    }

    @Override
    public Publisher<PendingCertificateRequest> pendingRequest() {
        return Mono.fromCallable(this::readPending).flatMap(Mono::justOrEmpty);
    }

    @Override
    public Publisher<Void> savePendingRequest(PendingCertificateRequest request) {
        return Mono.fromRunnable(() -> write(PENDING, Map.of(
                CREATED_AT, request.createdAt().toString(),
                COMMON_NAME, request.commonName(),
                SUBJECT_ALT_NAMES, String.join(",", request.subjectAltNames()),
                KEY_TYPE, request.keyType().value()),
            PemFiles.toPem(request.privateKey()) + request.csrPem()));
    }

    @Override
    public Publisher<Void> deletePendingRequest() {
        return Mono.fromRunnable(() -> {
            try {
                Files.deleteIfExists(directory.resolve(PENDING));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Publisher<X509CRL> crls() {
        return Flux.defer(() -> {
            Path crls = directory.resolve(CRLS);
            if (!Files.isDirectory(crls)) {
                return Flux.empty();
            }
            try (Stream<Path> files = Files.list(crls)) {
                return Flux.fromIterable(files.filter(file -> file.getFileName().toString().endsWith(".pem")).sorted().toList())
                    .map(file -> CertificateDecoder.crl(readBytes(file)));
            } catch (IOException e) {
                return Flux.error(new UncheckedIOException(e));
            }
        });
    }

    @Override
    public Publisher<Void> saveCrl(X509CRL crl) {
        return Mono.fromRunnable(() -> {
            createOwnerOnlyDirectory(directory);
            createOwnerOnlyDirectory(directory.resolve(CRLS));
            PemFiles.writeSecretAtomically(directory.resolve(CRLS).resolve(issuerFileName(crl)), PemFiles.toPem(crl));
        });
    }

    private Optional<AppliedServerCertificate> readApplied(String name) {
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] content = readBytes(file);
        Map<String, String> headers = headers(content);
        ServerCredentials credentials = new ServerCredentials(
            PrivateKeyReader.read(STATE_FIELD, content, Optional.empty()),
            CertificateDecoder.certificates(content));
        return Optional.of(new AppliedServerCertificate(credentials, Optional.ofNullable(headers.get(APPLIED_AT)).map(Instant::parse)));
    }

    private void writeApplied(String name, AppliedServerCertificate certificate) {
        write(name, certificate.appliedAt().map(at -> Map.of(APPLIED_AT, at.toString())).orElse(Map.of()),
            PemFiles.toPem(certificate.credentials().privateKey()) + PemFiles.toPem(certificate.credentials().chain()));
    }

    private Optional<PendingCertificateRequest> readPending() {
        Path file = directory.resolve(PENDING);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] content = readBytes(file);
        Map<String, String> headers = headers(content);
        PemObject request = CertificateDecoder.pemBlocks(content).stream()
            .filter(block -> block.getType().equals("CERTIFICATE REQUEST"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(file + " holds no certificate request"));
        String names = required(headers, SUBJECT_ALT_NAMES, file);
        return Optional.of(new PendingCertificateRequest(
            PrivateKeyReader.read(STATE_FIELD, content, Optional.empty()),
            PemFiles.toPem(request),
            required(headers, COMMON_NAME, file),
            names.isEmpty() ? List.of() : Arrays.asList(names.split(",")),
            CsrKeyType.parse(required(headers, KEY_TYPE, file)).orElseThrow(() -> new IllegalStateException(file + ": unknown key type")),
            Instant.parse(required(headers, CREATED_AT, file))));
    }

    private void write(String name, Map<String, String> headers, String pem) {
        createOwnerOnlyDirectory(directory);
        StringBuilder content = new StringBuilder("# Server TLS certificate state of Hosted S/MIME: written by the server, do not edit.\n");
        new TreeMap<>(headers).forEach((header, value) -> content.append(header).append(": ").append(value).append('\n'));
        PemFiles.writeSecretAtomically(directory.resolve(name), content.append(pem).toString());
    }

    /** The {@code Name: value} lines before the first PEM block. */
    private static Map<String, String> headers(byte[] content) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : new String(content, StandardCharsets.US_ASCII).split("\n")) {
            if (line.startsWith("-----BEGIN ")) {
                break;
            }
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("#")) {
                headers.put(line.substring(0, colon), line.substring(colon + 2).trim());
            }
        }
        return headers;
    }

    private static String required(Map<String, String> headers, String name, Path file) {
        String value = headers.get(name);
        if (value == null) {
            throw new IllegalStateException(file + " has no " + name + " line");
        }
        return value;
    }

    private static String issuerFileName(X509CRL crl) {
        try {
            byte[] issuer = crl.getIssuerX500Principal().getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(issuer)) + ".pem";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void createOwnerOnlyDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                return;
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }
}
