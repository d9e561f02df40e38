package dev.scion.versioning.remote;

/** A user name and password for remotes that authenticate (HTTP); null fields mean none given. */
public record RemoteCredentials(String user, String password) {
    public static final RemoteCredentials NONE = new RemoteCredentials(null, null);

    /** From the environment: SCION_REMOTE_USER / SCION_REMOTE_PASSWORD (like DOLT_REMOTE_PASSWORD). */
    public static RemoteCredentials fromEnvironment() {
        return new RemoteCredentials(System.getenv("SCION_REMOTE_USER"), System.getenv("SCION_REMOTE_PASSWORD"));
    }
}
