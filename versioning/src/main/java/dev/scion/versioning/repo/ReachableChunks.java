package dev.scion.versioning.repo;

import dev.scion.storage.Hash;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.gc.WalkerRegistry;
import dev.scion.versioning.gc.VersioningKinds;
import dev.scion.versioning.gc.WorkingSetRoots;
import dev.scion.versioning.model.WorkingSet;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The chunks of a commit group's batch that the working set it installs reaches. A transaction merged onto a
 * branch that moved since its snapshot built its statements' tree paths on that stale snapshot, and the merge
 * built them again on the branch's root; in a group of several, each transaction's merged root is also only a
 * step towards the last one. Those chunks are garbage the moment they are written, so the group writes only what
 * its working set reaches (roughly half the chunks of a merged commit).
 *
 * <p>The walk uses the same walkers as garbage collection, so whatever a collection would keep alive from the
 * working set is written. It descends only into chunks of the batch: a stored chunk's children are stored (every
 * batch holds all the new chunks its references need), so nothing below one has to be looked at.
 */
public final class ReachableChunks {
    private static final WalkerRegistry WALKERS = VersioningKinds.registry();

    private ReachableChunks() {
    }

    /** The entries of {@code batch} reachable from {@code ws} through chunks of the batch. */
    static Map<Hash, byte[]> of(WorkingSet ws, Map<Hash, byte[]> batch) {
        return from(sink -> WorkingSetRoots.report(ws, sink), batch);
    }

    /**
     * The entries of {@code chunks} reachable from root value {@code root} through chunks of {@code chunks}: what a
     * session-private buffer (a temporary table's) must keep of everything written to it.
     */
    public static Map<Hash, byte[]> ofRoot(Hash root, Map<Hash, byte[]> chunks) {
        return from(sink -> sink.child(root, VersioningKinds.ROOT_VALUE), chunks);
    }

    private static Map<Hash, byte[]> from(java.util.function.Consumer<dev.scion.storage.gc.ChildSink> roots,
                                          Map<Hash, byte[]> batch) {
        Map<Hash, byte[]> live = new HashMap<>();
        ArrayDeque<Hash> hashes = new ArrayDeque<>();
        ArrayDeque<ChunkKind> kinds = new ArrayDeque<>();
        roots.accept((h, k) -> {
            hashes.push(h);
            kinds.push(k);
        });
        while (!hashes.isEmpty()) {
            Hash h = hashes.pop();
            ChunkKind kind = kinds.pop();
            byte[] chunk = batch.get(h);
            if (chunk == null || live.putIfAbsent(h, chunk) != null) {
                continue; // stored before this batch (with its children), or seen already
            }
            WALKERS.walker(kind).children(h, chunk, (child, childKind) -> {
                // one lookup per reference: an internal node names many children, few of them new (a child
                // reached twice is skipped when popped)
                if (batch.containsKey(child)) {
                    hashes.push(child);
                    kinds.push(childKind);
                }
            });
        }
        return live;
    }
}
