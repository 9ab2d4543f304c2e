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

        /** Replaces bindings, e.g. a failing store to test what happens on failure. */
        public Builder overrideModule(Module module) {
            overrides.add(module);
            return this;
        }

        public Builder lifecycle(JamesServerExtension.Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
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
