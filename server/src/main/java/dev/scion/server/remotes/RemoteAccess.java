package dev.scion.server.remotes;

/** What an authenticated remotes-API client may do. */
public enum RemoteAccess {
    /** Credentials refused. */
    NONE,
    /** Credentials accepted, but no privilege on the database (HTTP 403). */
    FORBIDDEN,
    /** List refs and fetch chunks (clone, fetch, pull). */
    READ,
    /** Also store chunks and move refs (push). */
    WRITE
}
