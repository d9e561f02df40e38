package dev.scion.server.bridge;

import dev.scion.wire.api.WireException;

/** Carries a protocol-level error (e.g. 3948 local files refused by the client) through the SQL engine. */
final class WireFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WireFailure(WireException cause) {
        super(cause.getMessage(), cause);
    }

    WireException wire() {
        return (WireException) getCause();
    }
}
