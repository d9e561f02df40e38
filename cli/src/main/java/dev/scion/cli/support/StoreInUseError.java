package dev.scion.cli.support;

import java.nio.file.Path;

/**
 * The database's store is locked by another process, and no running sql-server could be found to take the
 * command: the message says who holds it as far as the CLI can tell.
 */
public final class StoreInUseError extends CliError {
    private static final long serialVersionUID = 1L;

    private final transient Path database;

    public StoreInUseError(Path database, String message) {
        super(message, 1);
        this.database = database;
    }

    /** The database directory whose store is locked. */
    public Path database() {
        return database;
    }
}
