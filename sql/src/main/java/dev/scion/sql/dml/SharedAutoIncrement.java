package dev.scion.sql.dml;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.versioning.model.AutoIncrementValue;
import dev.scion.versioning.repo.AutoIncrementCounters;
import dev.scion.versioning.repo.CrossBranchAutoIncrements;

/**
 * One statement's use of its branch's shared auto-increment counter for a table: every id it generates or
 * inserts is also noted on the transaction, which tells the counter once it has committed. Ids are also kept
 * above the database-wide floor of the table's name (Dolt's rule: the next id is above every branch's).
 */
final class SharedAutoIncrement {
    private final AutoIncrementCounters.Counter counter;
    private final DatabaseState database;
    private final CrossBranchAutoIncrements allBranches;
    private final String table;

    SharedAutoIncrement(AutoIncrementCounters.Counter counter, DatabaseState database, String table) {
        this.counter = counter;
        this.database = database;
        this.allBranches = database.repo().crossBranchAutoIncrements();
        this.table = table;
    }

    /** The next id: past every id handed out on the branch and at least {@code atLeast} (the table's own). */
    long take(long atLeast) {
        long id = counter.take(Math.max(atLeast, allBranches.floor(table)));
        allBranches.raise(table, AutoIncrementValue.after(id));
        database.usedId(counter, id);
        return id;
    }

    /** An explicit id was inserted, after which the counter's next value is {@code next} (0: none). */
    void inserted(long next) {
        counter.raise(next);
        allBranches.raise(table, next);
        if (next != 0) {
            database.usedId(counter, next - 1);
        }
    }
}
