package dev.scion.versioning.remote;

import dev.scion.versioning.repo.VersioningException;

/**
 * The remote could not be used: unreachable, unknown URL scheme, refused credentials or privileges, or it
 * sent something wrong (a corrupt chunk). Nothing was changed on either side by the failed step.
 */
public final class RemoteAccessException extends VersioningException {
    public RemoteAccessException(String message) {
        super(Reason.INVALID_ARGUMENT, message);
    }

    public RemoteAccessException(String message, Throwable cause) {
        super(Reason.INVALID_ARGUMENT, message);
        initCause(cause);
    }
}
