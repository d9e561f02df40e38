package dev.scion.server.auth;

import dev.scion.wire.auth.NativePassword;

/**
 * One account. {@code passwordHash} null means the empty password. The mysql_native_password verifier
 * SHA1(SHA1(pw)) is kept as well so that old clients can still log in through an auth switch.
 */
public record UserAccount(String user, HostPattern host, PasswordHash passwordHash, byte[] nativeVerifier) {

    public static UserAccount withPassword(String user, HostPattern host, String password) {
        if (password == null || password.isEmpty()) {
            return new UserAccount(user, host, null, null);
        }
        return new UserAccount(user, host, PasswordHash.of(password), NativePassword.verifier(password));
    }

    public boolean emptyPassword() {
        return passwordHash == null;
    }

    /** 'user'@'host' as MySQL writes it. */
    public String key() {
        return "'" + user + "'@'" + host.text() + "'";
    }
}
