package dev.scion.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * caching_sha2_password fast authentication. The server stores V = SHA256(SHA256(password)); the client sends
 * SHA256(password) XOR SHA256(SHA256(SHA256(password)) || nonce); the server recovers SHA256(password) with
 * SHA256(V || nonce) and checks that its SHA256 is V.
 */
public final class CachingSha2Password {

    private CachingSha2Password() {
    }

    /** The stored verifier SHA256(SHA256(password)). */
    public static byte[] verifier(String password) {
        return sha256(sha256(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** What a client sends for {@code password} and {@code nonce}. */
    public static byte[] scramble(String password, byte[] nonce) {
        byte[] stage1 = sha256(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha256(stage1);
        byte[] mask = sha256(stage2, nonce);
        return xor(stage1, mask);
    }

    public static boolean verify(byte[] scramble, byte[] nonce, byte[] verifier) {
        if (scramble == null || verifier == null || scramble.length != 32 || verifier.length != 32) {
            return false;
        }
        byte[] stage1 = xor(scramble, sha256(verifier, nonce));
        return MessageDigest.isEqual(sha256(stage1), verifier);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i % b.length]);
        }
        return out;
    }
}
