package dev.scion.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * mysql_native_password. The server stores V = SHA1(SHA1(password)); the client sends
 * SHA1(password) XOR SHA1(nonce || V); the server recovers SHA1(password) and checks that its SHA1 is V.
 */
public final class NativePassword {

    private NativePassword() {
    }

    /** The stored verifier SHA1(SHA1(password)). */
    public static byte[] verifier(String password) {
        return sha1(sha1(password.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] scramble(String password, byte[] nonce) {
        byte[] stage1 = sha1(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1(stage1);
        return CachingSha2Password.xor(stage1, sha1(nonce, stage2));
    }

    public static boolean verify(byte[] scramble, byte[] nonce, byte[] verifier) {
        if (scramble == null || verifier == null || scramble.length != 20 || verifier.length != 20) {
            return false;
        }
        byte[] stage1 = CachingSha2Password.xor(scramble, sha1(nonce, verifier));
        return MessageDigest.isEqual(sha1(stage1), verifier);
    }

    static byte[] sha1(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
