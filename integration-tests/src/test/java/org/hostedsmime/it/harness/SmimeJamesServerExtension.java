package org.hostedsmime.it.harness;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.hostedsmime.app.EmbeddedServerPreparation;
import org.hostedsmime.app.SmimeJamesServerMain;

import com.google.inject.Module;

/**
 * A real James 3.8.1 memory server, in-process, started the way {@code ./run.sh} starts it
 * ({@link SmimeJamesServerMain#createServer}, {@link EmbeddedServerPreparation}) with the project's
 * {@code conf/} on free ports. One server per test class by default.
 *
 * <pre>{@code
 * @RegisterExtension
 * static JamesServerExtension james = SmimeJamesServerExtension.builder().build();
 * }</pre>
 * Test methods then take a {@code GuiceJamesServer} parameter; wrap it in {@link RunningJames}.
 */
public class SmimeJamesServerExtension {

    public static Builder builder() {
        return new Builder();
    }

    public static class Builder {
        private final ProjectConfiguration configuration = new ProjectConfiguration();
        private final List<Module> overrides = new ArrayList<>();
        private JamesServerExtension.Lifecycle lifecycle = JamesServerExtension.Lifecycle.PER_CLASS;

        /** Edits one file of the copied {@code conf/} (after the port change). */
        public Builder editConf(String fileName, UnaryOperator<String> edit) {
            configuration.edit(fileName, edit);
            return this;
        }

        /**
         * Relays every remote message to {@code sink} (RemoteDelivery's gateway), retrying quickly: the "outside"
         * of tests about outgoing mail.
         */
        public Builder relayTo(SmtpSink sink) {
            return editConf("mailetcontainer.xml", conf -> conf
                .replace("<outgoingQueue>outgoing</outgoingQueue>", "<outgoingQueue>outgoing</outgoingQueue>\n"
                    + "                <gateway>127.0.0.1</gateway>\n"
                    + "                <gatewayPort>" + sink.port() + "</gatewayPort>")
                .replace("<delayTime>5000, 100000, 500000</delayTime>", "<delayTime>500, 1000, 2000</delayTime>"));
        }

        /**
         * Every store on Cassandra ({@code SmimeCassandraModule} with its own session) at {@code hostAndPort}, in
         * {@code keyspace}; both are read when the server starts.
         */
        public Builder cassandra(java.util.function.Supplier<String> hostAndPort, java.util.function.Supplier<String> keyspace) {
            return editConf("extensions.properties", conf -> conf.replace("org.hostedsmime.app.guice.SmimeMemoryModule",
                    "org.hostedsmime.app.guice.SmimeCassandraModule"))
                .editConf("cassandra.properties", ignored -> "cassandra.nodes=" + hostAndPort.get() + "\n"
                    + "cassandra.keyspace=" + keyspace.get() + "\n"
                    + "cassandra.replication.factor=1\n");
        }

        /** Replaces bindings, e.g. a failing store to test what happens on failure. */
        public Builder overrideModule(Module module) {
            overrides.add(module);
            return this;
        }

        public Builder lifecycle(JamesServerExtension.Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        /** A server as {@link #build()} starts it, in {@code workingDirectory}, not started: for tests that restart. */
        public org.apache.james.GuiceJamesServer newServer(java.nio.file.Path workingDirectory) {
            configuration.writeTo(workingDirectory);
            new EmbeddedServerPreparation(workingDirectory, Clock.systemUTC()).prepare();
            GuiceJamesServerHolder holder = new GuiceJamesServerHolder(SmimeJamesServerMain.createServer(MemoryJamesConfiguration.builder()
                .workingDirectory(workingDirectory.toFile())
                .build()));
            overrides.forEach(module -> holder.server = holder.server.overrideWith(module));
            return holder.server;
        }

        private static final class GuiceJamesServerHolder {
            private org.apache.james.GuiceJamesServer server;

            private GuiceJamesServerHolder(org.apache.james.GuiceJamesServer server) {
                this.server = server;
            }
        }

        public JamesServerExtension build() {
            JamesServerBuilder<MemoryJamesConfiguration> builder = new JamesServerBuilder<MemoryJamesConfiguration>(workingDirectory -> {
                configuration.writeTo(workingDirectory.toPath());
                new EmbeddedServerPreparation(workingDirectory.toPath(), Clock.systemUTC()).prepare();
                return MemoryJamesConfiguration.builder()
                    .workingDirectory(workingDirectory)
                    .build();
            })
                .server(SmimeJamesServerMain::createServer)
                .lifeCycle(lifecycle);
            overrides.forEach(builder::overrideServerModule);
            return builder.build();
        }
    }
}
