package dev.scion.sql.privilege;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;

/**
 * A password as caching_sha2_password stores it: {@code $A$005$} + a 20-character salt + the 43-character
 * SHA-256 crypt digest ({@code 005} is the round count in thousands), the same text MySQL keeps in
 * mysql.user.authentication_string. Only this verifier is ever written to disk; the fast-auth verifier
 * SHA256(SHA256(pw)) is derived from a cleartext password after a full authentication and kept in memory.
 */
public final class StoredPassword {
    private static final String PREFIX = "$A$";
    private static final int SALT_LENGTH = 20;
    private static final int DEFAULT_THOUSANDS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final int rounds;
    private final String salt;
    private final String digest;

    private StoredPassword(String text, int rounds, String salt, String digest) {
        this.text = text;
        this.rounds = rounds;
        this.salt = salt;
        this.digest = digest;
    }

    /** A fresh verifier of {@code password} with a random salt. */
    public static StoredPassword of(String password) {
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(Sha256Crypt.ALPHABET.charAt(RANDOM.nextInt(Sha256Crypt.ALPHABET.length())));
        }
        int rounds = DEFAULT_THOUSANDS * 1000;
        String digest = Sha256Crypt.digest(password, salt.toString(), rounds);
        return new StoredPassword(PREFIX + String.format("%03X", DEFAULT_THOUSANDS) + "$" + salt + digest, rounds,
                salt.toString(), digest);
    }

    /** Reads the text written by {@link #text()}; a malformed one is an {@link IllegalArgumentException}. */
    public static StoredPassword parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() != PREFIX.length() + 4 + SALT_LENGTH + 43
                || text.charAt(PREFIX.length() + 3) != '$') {
            throw new IllegalArgumentException("not a caching_sha2_password verifier");
        }
        int thousands = Integer.parseInt(text.substring(PREFIX.length(), PREFIX.length() + 3), 16);
        int saltStart = PREFIX.length() + 4;
        return new StoredPassword(text, thousands * 1000, text.substring(saltStart, saltStart + SALT_LENGTH),
                text.substring(saltStart + SALT_LENGTH));
    }

    public boolean matches(String password) {
        byte[] expected = digest.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = Sha256Crypt.digest(password, salt, rounds).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The authentication_string form. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredPassword other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Never the verifier itself: this object may end up in a log line by accident. */
    @Override
    public String toString() {
        return "StoredPassword[caching_sha2]";
    }
}
