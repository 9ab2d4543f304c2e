package org.hostedsmime.it.harness;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostedsmime.app.SmimeJamesServerMain;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The embedded default started as {@code ./run.sh} starts it: a separate JVM running
 * {@link SmimeJamesServerMain} with {@code -Dworking.directory} holding the project's {@code conf/} (ports moved
 * to free ones), its ports read from the banner it prints. For tests that need the real launcher or a
 * constrained heap.
 */
public class ForkedJames implements Closeable {
    private static final Pattern LISTENS = Pattern.compile("^\\s+(SMTP|IMAP|POP3)\\s+127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern WEBADMIN = Pattern.compile("^\\s+WebAdmin\\s+(http://\\S+)");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private int smtpPort;
    private int imapPort;
    private int pop3Port;
    private String webAdminUrl;

    private ForkedJames(Process process) {
        this.process = process;
    }

    /** Starts it in {@code workingDirectory} with the project's conf (after {@code configuration}'s edits). */
    public static ForkedJames start(Path workingDirectory, ProjectConfiguration configuration, String... jvmOptions) throws Exception {
        configuration.writeTo(workingDirectory);
        Files.createDirectories(workingDirectory.resolve("var"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Dworking.directory=" + workingDirectory);
        command.add("-Dlogback.configurationFile=" + workingDirectory.resolve("conf/logback.xml"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SmimeJamesServerMain.class.getName());
        ForkedJames james = new ForkedJames(new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .start());
        CompletableFuture<Void> banner = new CompletableFuture<>();
        Thread reader = new Thread(() -> james.readOutput(banner), "forked-james-output");
        reader.setDaemon(true);
        reader.start();
        banner.get(120, TimeUnit.SECONDS);
        return james;
    }

    private void readOutput(CompletableFuture<Void> banner) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher listens = LISTENS.matcher(line);
                if (listens.find()) {
                    int port = Integer.parseInt(listens.group(2));
                    switch (listens.group(1)) {
                        case "SMTP" -> smtpPort = port;
                        case "IMAP" -> imapPort = port;
                        default -> pop3Port = port;
                    }
                }
                Matcher webAdmin = WEBADMIN.matcher(line);
                if (webAdmin.find()) {
                    webAdminUrl = webAdmin.group(1);
                    banner.complete(null);
                }
            }
            banner.completeExceptionally(new IllegalStateException("James exited before printing its banner:\n" + String.join("\n", output)));
        } catch (IOException e) {
            banner.completeExceptionally(e);
        }
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public int pop3Port() {
        return pop3Port;
    }

    public String webAdminUrl() {
        return webAdminUrl;
    }

    public RequestSpecification webAdmin() {
        return new RequestSpecBuilder().setBaseUri(webAdminUrl).setContentType(ContentType.JSON).setAccept(ContentType.JSON).build();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
