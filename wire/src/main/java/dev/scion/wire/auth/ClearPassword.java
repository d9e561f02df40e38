package dev.scion.wire.auth;

import java.nio.charset.StandardCharsets;

/** The cleartext password of caching_sha2 full authentication: UTF-8 bytes ended by a NUL. */
public final class ClearPassword {

    private ClearPassword() {
    }

    /** The text before the first NUL (all of it if there is none). */
    public static String fromNulTerminated(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
