package dev.scion.versioning.repo;

import dev.scion.versioning.model.AutoIncrementValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongBiFunction;

/**
 * Dolt's rule for generated ids across branches: a table's next id is above the highest next value that any
 * branch's working set holds for a table of that name, so rows written on different branches do not collide when
 * the branches are merged. Asking every branch on each INSERT would cost a read per branch; instead this keeps
 * one floor per table name for the whole database, raised by every id handed out or inserted on any branch.
 *
 * <p>A floor is derived state: it is computed from the stored working sets the first time a table is asked for
 * (so it is right after a restart or a clone, which start with no floors) and afterwards only moves up, except
 * where a branch lowers its own value (TRUNCATE, ALTER TABLE ... AUTO_INCREMENT, DROP TABLE): then it is
 * recomputed as that new value against every other branch's working set, as Dolt does.
 */
public final class CrossBranchAutoIncrements {
    private final Map<String, long[]> floors = new ConcurrentHashMap<>();
    private final Supplier<List<String>> branches;
    private final ToLongBiFunction<String, String> storedNext;

    /**
     * @param branches   the database's branches
     * @param storedNext the next auto-increment value stored for a table (second argument) in a branch's working
     *                   set (first argument), 0 when the branch has no such table
     */
    public CrossBranchAutoIncrements(Supplier<List<String>> branches, ToLongBiFunction<String, String> storedNext) {
        this.branches = branches;
        this.storedNext = storedNext;
    }

    /** The lowest id the next generated value of {@code table} may take on any branch. */
    public long floor(String table) {
        long[] f = entry(table);
        synchronized (f) {
            return f[0];
        }
    }

    /** An id below {@code next} was generated or inserted on some branch: later ids come after it everywhere. */
    public void raise(String table, long next) {
        long[] f = entry(table);
        synchronized (f) {
            if (AutoIncrementValue.above(next, f[0])) {
                f[0] = next;
            }
        }
    }

    /**
     * {@code branch} set its own next value for {@code table} to {@code value} (0 when it dropped the table),
     * possibly lower than before: the floor becomes the highest of that value and every other branch's stored one.
     * A table nobody asked for yet has no floor to correct (it will be computed from the stored working sets).
     */
    public void lowered(String table, String branch, long value) {
        long[] f = floors.get(table.toLowerCase(Locale.ROOT));
        if (f == null) {
            return;
        }
        long highest = AutoIncrementValue.larger(value, highestStored(table, branch));
        synchronized (f) {
            f[0] = highest;
        }
    }

    /** The table names (lower case) that have a floor: a working set replaced wholesale must raise just these. */
    public java.util.Set<String> trackedTables() {
        return floors.keySet();
    }

    private long[] entry(String table) {
        String key = table.toLowerCase(Locale.ROOT);
        long[] f = floors.get(key);
        if (f != null) {
            return f;
        }
        // computed outside the map's lock: reading every branch may take a while and must not block other tables
        long[] fresh = {highestStored(table, null)};
        long[] raced = floors.putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
    }

    private long highestStored(String table, String except) {
        long highest = 0;
        for (String b : branches.get()) {
            if (!b.equals(except)) {
                highest = AutoIncrementValue.larger(highest, storedNext.applyAsLong(b, table));
            }
        }
        return highest;
    }
}
