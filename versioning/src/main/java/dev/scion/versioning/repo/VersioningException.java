package dev.scion.versioning.repo;

/** A version-control operation was refused; the message is meant for the user. */
public class VersioningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public enum Reason {
        NOT_FOUND, ALREADY_EXISTS, INVALID_NAME, CONCURRENT_UPDATE, NOTHING_TO_COMMIT, INVALID_ARGUMENT, CONFLICT,
        /** Uncommitted changes stand in the way (checkout, merge). */
        DIRTY_WORKING_SET,
        /** A merge, cherry-pick or revert is in progress, or none is when one was expected. */
        MERGE_STATE
    }

    public VersioningException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
