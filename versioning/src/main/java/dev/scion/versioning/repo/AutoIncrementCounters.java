package dev.scion.versioning.repo;

import dev.scion.versioning.model.AutoIncrementValue;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The auto-increment values handed out on one branch, shared by every session writing to it. A table value stores
 * the next auto-increment value, but a transaction sees only its snapshot's: without a shared counter, sessions
 * that start from the same root generate the same ids, and all but the first fail their commit (1213) and retry.
 * Like InnoDB's in-memory counter, values taken here are never given back: a rolled-back insert leaves a gap.
 *
 * <p>The committed table value stays the authority: a counter only ever moves ahead of it, except when the
 * committed value went down (TRUNCATE, DROP and CREATE, a reset of the branch), which a session sees as a
 * snapshot of the branch's latest root with a smaller value than one known to be committed (seen in a snapshot,
 * or reached by ids whose transaction committed). Values are unsigned ({@link AutoIncrementValue}).
 */
public final class AutoIncrementCounters {
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    AutoIncrementCounters() {
    }

    /** The counter of the table stored under {@code name} (case-insensitive, as table names are). */
    public Counter table(String name) {
        return counters.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new Counter());
    }

    /** One table's shared counter. */
    public static final class Counter {
        /** The largest next-value seen in a committed table value (a transaction's unchanged snapshot). */
        private long committed;
        /** The next value to hand out, unless a transaction's own view is already past it. */
        private long next;

        Counter() {
        }

        /**
         * Tells the counter what a transaction that has not written yet sees as the table's next value. A value
         * below one seen before means either an older snapshot (nothing to learn) or that the committed value was
         * lowered; {@code snapshotIsLatest} (asked only then) tells them apart, and a lowered value restarts the
         * counter from it, as TRUNCATE restarts InnoDB's.
         */
        public synchronized void observeCommitted(long storedNext, BooleanSupplier snapshotIsLatest) {
            if (!AutoIncrementValue.above(committed, storedNext)) {
                committed = storedNext;
            } else if (snapshotIsLatest.getAsBoolean()) {
                committed = storedNext;
                next = storedNext;
            }
        }

        /**
         * A transaction that took (or inserted) ids below {@code next} has committed: the committed next value is
         * at least that now, so a later snapshot showing less means the value was lowered.
         */
        public synchronized void committedAtLeast(long next) {
            if (AutoIncrementValue.above(next, committed)) {
                committed = next;
            }
        }

        /** Takes the next value: at least {@code atLeast} (the transaction's own next value) and at least 1. */
        public synchronized long take(long atLeast) {
            long v = AutoIncrementValue.larger(AutoIncrementValue.larger(next, atLeast), 1);
            next = AutoIncrementValue.after(v);
            return v;
        }

        /** An explicit value was inserted: later generated values come after it. */
        public synchronized void raise(long nextAtLeast) {
            if (AutoIncrementValue.above(nextAtLeast, next)) {
                next = nextAtLeast;
            }
        }
    }
}
