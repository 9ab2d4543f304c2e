package org.hostedsmime.app;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.james.ExtraProperties;
import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerMain;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.modules.RunArgumentsModule;
import org.apache.james.modules.server.JMXServerModule;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.webadmin.mdc.RequestLogger;
import org.hostedsmime.webadmin.SecretRedactingRequestLogger;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;

/**
 * The embedded default behind {@code ./run.sh}: James 3.8.1's memory server with this extension, configured
 * by {@code conf/} under the working directory ({@code -Dworking.directory}). The extension itself is
 * wired the way an existing James loads it: {@code extensions.properties}, {@code webadmin.properties}
 * and {@code mailetcontainer.xml}.
 */
public class SmimeJamesServerMain implements JamesServerMain {
    /** Where James reads its configuration; {@code ./run.sh --cassandra} points it at a conf/ with the Cassandra stores. */
    public static final String CONFIGURATION_PATH = "hostedsmime.configuration.path";

    public static void main(String[] args) throws Exception {
        ExtraProperties.initialize();

        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
            .useWorkingDirectoryEnvProperty()
            .configurationPath(new Configuration.ConfigurationPath(System.getProperty(CONFIGURATION_PATH, "file://conf/")))
            .build();
        new EmbeddedServerPreparation(Path.of(configuration.directories().getRootDirectory()), Clock.systemUTC())
            .prepare();

        GuiceJamesServer server = createServer(configuration)
            .combineWith(new FakeSearchMailboxModule(), new JMXServerModule())
            .overrideWith(new RunArgumentsModule(args));

        JamesServerMain.main(server);
        System.out.println(new EmbeddedServerBanner(server).render());
    }

    /** The server as {@code ./run.sh} runs it, before the launcher's own additions; tests start this one. */
    public static GuiceJamesServer createServer(MemoryJamesConfiguration configuration) {
        return MemoryJamesServerMain.createServer(configuration)
            .combineWith(REDACT_SECRETS_IN_REQUEST_LOGS);
    }

    /** WebAdmin logs request bodies; ours carry keys and passwords (see {@link SecretRedactingRequestLogger}). */
    public static final Module REDACT_SECRETS_IN_REQUEST_LOGS = binder -> Multibinder.newSetBinder(binder, RequestLogger.class)
        .addBinding().to(SecretRedactingRequestLogger.class);
}
