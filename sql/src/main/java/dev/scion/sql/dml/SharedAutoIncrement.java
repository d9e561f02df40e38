package dev.scion.sql.dml;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.versioning.repo.AutoIncrementCounters;

/**
 * One statement's use of its branch's shared auto-increment counter for a table: every id it generates or
 * inserts is also noted on the transaction, which tells the counter once it has committed.
 */
final class SharedAutoIncrement {
    private final AutoIncrementCounters.Counter counter;
    private final DatabaseState database;

    SharedAutoIncrement(AutoIncrementCounters.Counter counter, DatabaseState database) {
        this.counter = counter;
        this.database = database;
    }

    /** The next id: past every id handed out on the branch and at least {@code atLeast} (the table's own). */
    long take(long atLeast) {
        long id = counter.take(atLeast);
        database.usedId(counter, id);
        return id;
    }

    /** An explicit id was inserted: later generated ids come after it. */
    void inserted(long id) {
        counter.raise(id + 1);
        database.usedId(counter, id);
    }
}
