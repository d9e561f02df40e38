package dev.scion.versioning.remote;

import dev.scion.versioning.repo.VersioningException;

/** A remote ref did not hold the value a push expected (someone else pushed first), or may not be moved. */
public final class RefRejectedException extends VersioningException {
    public RefRejectedException(String message) {
        super(Reason.CONCURRENT_UPDATE, message);
    }
}
