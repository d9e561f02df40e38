package dev.scion.wire.api;

/**
 * Stored password verifiers of one account. A null verifier means that plugin cannot authenticate the
 * account; {@code emptyPassword} accounts accept an empty auth response from either plugin.
 *
 * @param sha2Verifier   SHA256(SHA256(password)), for caching_sha2_password fast auth
 * @param nativeVerifier SHA1(SHA1(password)), for mysql_native_password
 * @param plaintextCheck optional check of a cleartext password (full caching_sha2 auth over TLS/RSA); may be null
 */
public record UserCredentials(
        boolean emptyPassword,
        byte[] sha2Verifier,
        byte[] nativeVerifier,
        java.util.function.Predicate<String> plaintextCheck) {

    public static UserCredentials noPassword() {
        return new UserCredentials(true, null, null, pw -> pw.isEmpty());
    }
}
