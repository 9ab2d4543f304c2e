package org.hostedsmime.core.cms;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;

import javax.mail.internet.MimeMessage;

/**
 * A signed or encrypted message whose body is produced while it is written (Bouncy Castle streams), over
 * spooled content that must stay until then. Write or copy {@link #message()}, then close.
 */
public final class SmimeResult implements Closeable {
    private final MimeMessage message;
    private final List<Closeable> resources;

    SmimeResult(MimeMessage message, List<? extends Closeable> resources) {
        this.message = message;
        this.resources = new ArrayList<>(resources);
    }

    public MimeMessage message() {
        return message;
    }

    SmimeResult wrap(MimeMessage outer) {
        return new SmimeResult(outer, resources);
    }

    @Override
    public void close() {
        for (Closeable resource : resources) {
            try {
                resource.close();
            } catch (java.io.IOException e) {
                // Temporary files: nothing more to do.
            }
        }
    }
}
