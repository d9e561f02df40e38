package dev.scion.versioning.repo;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each branch of one database was last read and last written since the server opened it (Dolt's
 * dolt_branch_activity). Kept in memory only, as Dolt does: a restart starts every branch with no activity.
 * A read is a transaction snapshotting the branch or an AS OF naming it; a write is any change of the branch's
 * head or working set, creating the branch included.
 */
public final class BranchActivity {
    private final long openedAt = System.currentTimeMillis();
    private final Map<String, Long> reads = new ConcurrentHashMap<>();
    private final Map<String, Long> writes = new ConcurrentHashMap<>();

    /** When the database was opened (Dolt's system_start_time). */
    public long openedAt() {
        return openedAt;
    }

    public void read(String branch) {
        stamp(reads, key(branch));
    }

    public void wrote(String branch) {
        stamp(writes, key(branch));
    }

    /**
     * Every transaction snapshot records a read, tens of thousands a second on one key at four threads: a put takes
     * the map bin's lock, the lock-free get that finds the same millisecond already there does not.
     */
    private static void stamp(Map<String, Long> times, String key) {
        long now = System.currentTimeMillis();
        Long last = times.get(key);
        if (last == null || last != now) {
            times.put(key, now);
        }
    }

    /** The branch is gone: a later branch of the same name starts without its activity. */
    public void forget(String branch) {
        reads.remove(key(branch));
        writes.remove(key(branch));
    }

    /** A rename carries the activity over to the new name. */
    public void renamed(String from, String to) {
        Long r = reads.remove(key(from));
        Long w = writes.remove(key(from));
        if (r != null) {
            reads.put(key(to), r);
        }
        writes.put(key(to), w == null ? System.currentTimeMillis() : Math.max(w, System.currentTimeMillis()));
    }

    public OptionalLong lastRead(String branch) {
        Long t = reads.get(key(branch));
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    public OptionalLong lastWrite(String branch) {
        Long t = writes.get(key(branch));
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    // refs are case-sensitive, so the activity is kept per exact name
    private static String key(String branch) {
        return branch;
    }
}
