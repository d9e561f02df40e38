package dev.scion.wire.auth;

import dev.scion.wire.api.UserCredentials;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/** Builds {@link UserCredentials} for a cleartext password (for the server's account store and for tests). */
public final class Passwords {

    private Passwords() {
    }

    /** Credentials that accept {@code password} through either plugin (an empty password gives noPassword()). */
    public static UserCredentials credentials(String password) {
        if (password == null || password.isEmpty()) {
            return UserCredentials.noPassword();
        }
        byte[] expected = password.getBytes(StandardCharsets.UTF_8);
        return new UserCredentials(false, CachingSha2Password.verifier(password), NativePassword.verifier(password),
                pw -> MessageDigest.isEqual(pw.getBytes(StandardCharsets.UTF_8), expected));
    }
}
