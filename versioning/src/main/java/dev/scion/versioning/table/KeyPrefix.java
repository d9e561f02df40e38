package dev.scion.versioning.table;

import java.util.Arrays;

/** Byte-prefix arithmetic for range scans over order-preserving keys. */
public final class KeyPrefix {
    private KeyPrefix() {
    }

    /** The smallest key greater than every key starting with {@code prefix}, or null if there is none. */
    public static byte[] end(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if ((prefix[i] & 0xFF) != 0xFF) {
                byte[] e = Arrays.copyOf(prefix, i + 1);
                e[i]++;
                return e;
            }
        }
        return null;
    }
}
