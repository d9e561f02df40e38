package dev.scion.sql.privilege;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * SHA-256 crypt (Ulrich Drepper's "Unix crypt using SHA-256"), the digest MySQL's caching_sha2_password stores
 * in mysql.user.authentication_string. Slow on purpose: {@code rounds} iterations per check.
 */
public final class Sha256Crypt {
    static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Byte triples of the final digest in the order the algorithm encodes them. */
    private static final int[][] ORDER = {
        {0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14},
        {15, 25, 5}, {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29}};

    private Sha256Crypt() {
    }

    /** The 43-character encoded digest of {@code password} with {@code salt} after {@code rounds} rounds. */
    public static String digest(String password, String salt, int rounds) {
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] b = sha256(p, s, p);
            MessageDigest a = MessageDigest.getInstance("SHA-256");
            a.update(p);
            a.update(s);
            int i;
            for (i = p.length; i > 32; i -= 32) {
                a.update(b, 0, 32);
            }
            a.update(b, 0, i);
            for (i = p.length; i > 0; i >>= 1) {
                if ((i & 1) != 0) {
                    a.update(b);
                } else {
                    a.update(p);
                }
            }
            byte[] c = a.digest();

            MessageDigest dp = MessageDigest.getInstance("SHA-256");
            for (i = 0; i < p.length; i++) {
                dp.update(p);
            }
            byte[] pSeq = repeat(dp.digest(), p.length);
            MessageDigest ds = MessageDigest.getInstance("SHA-256");
            for (i = 0; i < 16 + (c[0] & 0xff); i++) {
                ds.update(s);
            }
            byte[] sSeq = repeat(ds.digest(), s.length);

            MessageDigest round = MessageDigest.getInstance("SHA-256");
            for (int r = 0; r < rounds; r++) {
                round.update((r & 1) != 0 ? pSeq : c);
                if (r % 3 != 0) {
                    round.update(sSeq);
                }
                if (r % 7 != 0) {
                    round.update(pSeq);
                }
                round.update((r & 1) != 0 ? c : pSeq);
                c = round.digest();
            }
            Arrays.fill(p, (byte) 0);
            Arrays.fill(pSeq, (byte) 0);
            return encode(c);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String encode(byte[] c) {
        StringBuilder out = new StringBuilder(43);
        for (int[] t : ORDER) {
            append(out, c[t[0]], c[t[1]], c[t[2]], 4);
        }
        append(out, (byte) 0, c[31], c[30], 3);
        return out.toString();
    }

    private static void append(StringBuilder out, byte b2, byte b1, byte b0, int chars) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static byte[] repeat(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = digest[i % digest.length];
        }
        return out;
    }

    private static byte[] sha256(byte[]... parts) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }
}
