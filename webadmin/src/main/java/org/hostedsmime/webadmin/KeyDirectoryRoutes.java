package org.hostedsmime.webadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hostedsmime.core.directory.DirectoryEntry;
import org.hostedsmime.core.directory.DirectoryEntryView;
import org.hostedsmime.core.directory.KeyDirectory;
import org.hostedsmime.core.problem.ProblemType;
import org.hostedsmime.core.problem.SmimeException;
import org.hostedsmime.core.tls.PemFiles;
import org.hostedsmime.webadmin.dto.DirectoryEntryDto;

import spark.Request;
import spark.Service;

/**
 * The key directory: the lookup a business system calls before sending encrypted mail, and its administration.
 * <ul>
 *     <li>{@code GET /smime/directory/{address}} → {@code [{fingerprint, subject, notAfter, source, capabilities,
 *     status, usable, firstSeen, lastSeen, pem}]}; 404 {@code no-certificate} when none</li>
 *     <li>{@code GET /smime/directory/{address}/certificate} → the certificate to encrypt to, with its issuers,
 *     as {@code application/pem-certificate-chain}; 404 {@code no-certificate} when none is usable</li>
 *     <li>{@code POST /smime/directory} body: a certificate in PEM or DER (optionally followed by its chain)
 *     → 201 with its entries; the trust checks of hosted certificates apply (400 {@code untrusted} ...)</li>
 *     <li>{@code DELETE /smime/directory/{address}/{fingerprint}} → 204; 409 {@code hosted-certificate} for a
 *     user's hosted certificate</li>
 * </ul>
 */
public class KeyDirectoryRoutes implements Routes {
    public static final String BASE_PATH = "/smime/directory";
    private static final String ADDRESS_PATH = BASE_PATH + "/:address";
    private static final String CERTIFICATE_PATH = ADDRESS_PATH + "/certificate";
    private static final String ENTRY_PATH = ADDRESS_PATH + "/:fingerprint";
    public static final String PEM_CERTIFICATE_CHAIN = "application/pem-certificate-chain";

    private final KeyDirectory directory;
    private final JsonTransformer jsonTransformer;

    @Inject
    public KeyDirectoryRoutes(KeyDirectory directory, JsonTransformer jsonTransformer) {
        this.directory = directory;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        SmimeProblemResponses.register(service);

        service.post(BASE_PATH, (request, response) -> {
            List<DirectoryEntryDto> imported = directory.importCertificate(RequestBodies.bytes(request)).stream()
                .map(DirectoryEntryDto::of).toList();
            response.status(HttpStatus.CREATED_201);
            return imported;
        }, jsonTransformer);

        service.get(CERTIFICATE_PATH, (request, response) -> {
            String address = address(request);
            DirectoryEntry usable = directory.usableEntry(address).orElseThrow(() -> noCertificate(address));
            List<java.security.cert.X509Certificate> chain = new ArrayList<>();
            chain.add(usable.certificate());
            chain.addAll(usable.issuers());
            response.type(PEM_CERTIFICATE_CHAIN);
            return PemFiles.toPem(chain);
        });

        service.get(ADDRESS_PATH, (request, response) -> {
            String address = address(request);
            List<DirectoryEntryView> views = directory.views(address);
            if (views.isEmpty()) {
                throw noCertificate(address);
            }
            return views.stream().map(DirectoryEntryDto::of).toList();
        }, jsonTransformer);

        service.delete(ENTRY_PATH, (request, response) -> {
            directory.delete(address(request), PathParameters.fingerprint(request));
            response.status(HttpStatus.NO_CONTENT_204);
            return "";
        });
    }

    private static String address(Request request) {
        String address = request.params("address");
        if (address == null || !address.contains("@") || address.isBlank()) {
            throw RequestBodies.invalid("'" + address + "' is not an email address");
        }
        return address.trim();
    }

    private static SmimeException noCertificate(String address) {
        return new SmimeException(ProblemType.NO_DIRECTORY_CERTIFICATE, "No usable certificate for " + address,
            Map.of("address", address), null, address);
    }
}
