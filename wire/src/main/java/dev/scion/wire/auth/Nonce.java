package dev.scion.wire.auth;

import java.security.SecureRandom;

/** The 20-byte random challenge ("scramble") sent in the handshake and in auth switch requests. */
public final class Nonce {

    public static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonce() {
    }

    /** 20 random 7-bit bytes, never NUL or '$' (as MySQL does: clients treat the data as a C string). */
    public static byte[] generate() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0x7f;
            if (b == 0 || b == '$') {
                b++;
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }
}
