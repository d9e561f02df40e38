package dev.scion.sql.catalog;

import dev.scion.storage.Hash;
import dev.scion.storage.gc.ChildSink;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.gc.VersioningKinds;
import dev.scion.versioning.gc.WorkingSetRoots;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every branch of one database as a transaction found them when it started: each branch's head and working set.
 * As in Dolt, a transaction reads all branches of a database from the moment it began, so a branch it first
 * touches later (`mydb/b1`.t, dolt_branches) shows neither commits nor branches made since. The roots are pinned
 * against garbage collection until {@link #close}.
 */
public final class BranchSnapshot implements AutoCloseable {
    /** One branch as the snapshot holds it. */
    public record Tip(Hash head, WorkingSet workingSet) {
    }

    /** Where a database binding asks for the snapshot of its repository (empty: read the refs as they are now). */
    public interface Source {
        Optional<BranchSnapshot> of(Repository repo);
    }

    /** The branches as last listed, per repository, with the store's ref version they were listed at. */
    private record Listed(long refVersion, SortedMap<String, Tip> tips) {
    }

    private static final Map<Repository, Listed> LAST_LISTED =
            Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final LiveRoots.Pin<SortedMap<String, Tip>> pin;

    private BranchSnapshot(LiveRoots.Pin<SortedMap<String, Tip>> pin) {
        this.pin = pin;
    }

    /** Reads every branch's head and working set, pinned in one step with respect to garbage collection. */
    public static BranchSnapshot take(Repository repo) {
        return new BranchSnapshot(repo.liveRoots().pin(() -> current(repo), BranchSnapshot::report));
    }

    /**
     * The branches now. Listing them costs about a microsecond a branch, paid by every transaction; while no ref
     * changed since the last listing (read-mostly workloads) that listing is still exact and is reused. Pinning a
     * reused listing is as safe as pinning a fresh one: its values are the refs' current values.
     */
    private static SortedMap<String, Tip> current(Repository repo) {
        long version = repo.store().refVersion();
        Listed last = LAST_LISTED.get(repo);
        if (version >= 0 && last != null && last.refVersion() == version) {
            return last.tips();
        }
        SortedMap<String, Tip> tips = read(repo);
        if (version >= 0 && repo.store().refVersion() == version) {
            LAST_LISTED.put(repo, new Listed(version, tips));
        }
        return tips;
    }

    private static SortedMap<String, Tip> read(Repository repo) {
        SortedMap<String, Tip> tips = new TreeMap<>();
        for (String branch : repo.branches()) {
            // the head is read before the working set, as DatabaseState.begin does
            Optional<Hash> head = repo.branchHead(branch);
            if (head.isEmpty()) {
                continue; // deleted since it was listed
            }
            try {
                tips.put(branch, new Tip(head.get(), repo.workingSet(branch)));
            } catch (VersioningException e) {
                if (e.reason() != VersioningException.Reason.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return Collections.unmodifiableSortedMap(tips);
    }

    private static void report(Map<String, Tip> tips, ChildSink sink) {
        for (Tip t : tips.values()) {
            sink.child(t.head(), VersioningKinds.COMMIT);
            WorkingSetRoots.report(t.workingSet(), sink);
        }
    }

    /** The branch as the snapshot saw it; empty when it did not exist then. */
    public Optional<Tip> tip(String branch) {
        return Optional.ofNullable(pin.value().get(branch));
    }

    /** The branches in name order. */
    public SortedMap<String, Tip> tips() {
        return pin.value();
    }

    @Override
    public void close() {
        pin.close();
    }
}
