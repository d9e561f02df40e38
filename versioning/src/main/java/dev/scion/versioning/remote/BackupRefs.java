package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.gc.VersioningKinds;
import dev.scion.versioning.gc.WorkingSetRoots;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which refs a backup carries, and the chunks they need. A backup is the database's state, not its settings:
 * branches, tags, remote-tracking branches, working sets (so uncommitted work survives a restore) and the default
 * branch and collation. It leaves out where the database pushes and backs up to (remotes, upstreams, backups) and
 * transient state (an interactive rebase, a clone in progress), which belong to one copy rather than to the data.
 */
public final class BackupRefs {
    private BackupRefs() {
    }

    public static boolean carries(String ref) {
        return ref.startsWith("refs/") || ref.startsWith(RefNames.WORKING_SETS)
                || ref.equals(RefNames.DEFAULT_BRANCH) || ref.equals(RefNames.DATABASE_COLLATION);
    }

    /** The refs of {@code repo} a backup carries, with their raw values. */
    public static SortedMap<String, byte[]> of(Repository repo) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        repo.store().listRefs("").forEach((name, value) -> {
            if (carries(name)) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** Everything those refs keep alive, as roots for a {@link ChunkTransfer}. */
    public static List<LiveRoots.Root> roots(Map<String, byte[]> refs) {
        List<LiveRoots.Root> roots = new ArrayList<>();
        refs.forEach((name, value) -> {
            if (name.startsWith(RefNames.WORKING_SETS)) {
                WorkingSetRoots.report(WorkingSet.decode(value), (h, kind) -> roots.add(new LiveRoots.Root(h, kind)));
            } else if (name.startsWith("refs/") && value.length == Hash.LENGTH) {
                roots.add(new LiveRoots.Root(Hash.fromBytes(value), VersioningKinds.COMMITISH));
            }
        });
        return roots;
    }
}
