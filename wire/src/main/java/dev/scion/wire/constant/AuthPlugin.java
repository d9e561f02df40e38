package dev.scion.wire.constant;

/** Authentication plugin names. */
public final class AuthPlugin {
    public static final String CACHING_SHA2_PASSWORD = "caching_sha2_password";
    public static final String MYSQL_NATIVE_PASSWORD = "mysql_native_password";

    private AuthPlugin() {
    }
}
