package org.hostedsmime.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The project's own {@code conf/}, copied into a server's working directory for a test. Only the listening
 * ports change (to 0: the system picks free ones) unless a test asks for more edits, so the tests exercise
 * the configuration a user runs.
 */
public class ProjectConfiguration {
    public static final String CONF_DIR_PROPERTY = "hostedsmime.conf.dir";

    private final Map<String, UnaryOperator<String>> edits = new LinkedHashMap<>();

    public static Path projectConfDirectory() {
        String configured = System.getProperty(CONF_DIR_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null) {
            if (Files.exists(candidate.resolve("conf/mailetcontainer.xml"))) {
                return candidate.resolve("conf");
            }
            candidate = candidate.getParent();
        }
        throw new IllegalStateException("Cannot find the project's conf/ directory; set -D" + CONF_DIR_PROPERTY);
    }

    /** Free ports instead of the embedded default's fixed ones. */
    static String onFreePorts(String fileName, String content) {
        if (fileName.endsWith(".xml")) {
            return content.replaceAll("<bind>([^<:]+):\\d+</bind>", "<bind>$1:0</bind>");
        }
        if (fileName.equals("webadmin.properties")) {
            return content.replaceAll("(?m)^port=\\d+$", "port=0");
        }
        return content;
    }

    /** Applies {@code edit} to the text of {@code fileName} after the port change; edits compose in order. */
    public ProjectConfiguration edit(String fileName, UnaryOperator<String> edit) {
        edits.merge(fileName, edit, (first, second) -> text -> second.apply(first.apply(text)));
        return this;
    }

    /** Writes {@code workingDirectory/conf/}. */
    public void writeTo(Path workingDirectory) {
        Path source = projectConfDirectory();
        Path target = workingDirectory.resolve("conf");
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                String content = onFreePorts(name, Files.readString(file, StandardCharsets.UTF_8));
                content = edits.getOrDefault(name, UnaryOperator.identity()).apply(content);
                Files.writeString(target.resolve(name), content, StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
                Path file = target.resolve(edit.getKey());
                if (!Files.exists(file)) {
                    Files.writeString(file, edit.getValue().apply(""), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
