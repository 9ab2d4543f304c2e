package org.hostedsmime.core.testing;

import java.util.Arrays;

/** Byte-level damage for tests. */
public final class TestBytes {
    /** The first half: what an interrupted upload or copy leaves. */
    public static byte[] truncated(byte[] data) {
        return Arrays.copyOf(data, data.length / 2);
    }

    private TestBytes() {
    }
}
