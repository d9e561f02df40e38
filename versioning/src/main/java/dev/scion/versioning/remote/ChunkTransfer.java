package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.CorruptChunkException;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.gc.WalkerRegistry;
import dev.scion.versioning.gc.LiveRoots;
import dev.scion.versioning.gc.VersioningKinds;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies everything reachable from some roots that the destination lacks, from a source to a destination.
 *
 * <p>It walks from the roots, asking the destination which children it has and pruning there: a chunk the
 * destination stores already has its whole subtree there. Missing children are fetched in batches (one
 * request per parent's missing children, split at {@link #GET_BATCH}) and every received chunk is checked
 * against its address before it is used or stored.
 *
 * <p>Chunks are stored in post-order, children before parents, in batches that are each durable and atomic.
 * So the pruning rule holds even after an interruption: whatever an interrupted transfer left behind is a
 * set of complete subtrees, and running it again copies only what is still missing. Refs are not touched
 * here; callers move them after this returns, when everything is durable.
 */
public final class ChunkTransfer {
    static final int GET_BATCH = 512;
    private static final int PUT_BATCH_CHUNKS = 2048;
    private static final long PUT_BATCH_BYTES = 8L << 20;

    private final RemoteTransport from;
    private final RemoteTransport to;
    private final TransferListener listener;
    private final WalkerRegistry walkers = VersioningKinds.registry();
    /** Addresses the destination is known to hold (found there or stored by us). */
    private final Set<Hash> present = new HashSet<>();
    private final LinkedHashMap<Hash, byte[]> pendingPuts = new LinkedHashMap<>();
    private long pendingBytes;
    private long copied;
    private long bytes;
    private long pruned;
    private long requests;

    public ChunkTransfer(RemoteTransport from, RemoteTransport to, TransferListener listener) {
        this.from = from;
        this.to = to;
        this.listener = listener == null ? TransferListener.NONE : listener;
    }

    /** One stacked chunk: fetched, its children not yet all present at the destination. */
    private static final class Frame {
        final Hash address;
        final byte[] chunk;
        final ChunkKind kind;
        boolean expanded;

        Frame(Hash address, byte[] chunk, ChunkKind kind) {
            this.address = address;
            this.chunk = chunk;
            this.kind = kind;
        }
    }

    /** Copies what the destination lacks of everything reachable from {@code roots}. */
    public TransferStats copy(Collection<LiveRoots.Root> roots) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        try {
            walk(roots, stack);
        } catch (RuntimeException e) {
            // What is pending is complete subtrees, already verified: keep it so a retry resumes from there.
            try {
                flush();
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
        return new TransferStats(copied, bytes, pruned, requests);
    }

    private void walk(Collection<LiveRoots.Root> roots, ArrayDeque<Frame> stack) {
        fetchMissing(new ArrayList<>(roots), stack);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (!f.expanded) {
                f.expanded = true;
                List<LiveRoots.Root> kids = new ArrayList<>();
                walkers.walker(f.kind).children(f.address, f.chunk, (h, k) -> kids.add(new LiveRoots.Root(h, k)));
                fetchMissing(kids, stack);
                continue;
            }
            stack.pop();
            if (present.add(f.address)) {
                pendingPuts.put(f.address, f.chunk);
                pendingBytes += f.chunk.length;
                if (pendingPuts.size() >= PUT_BATCH_CHUNKS || pendingBytes >= PUT_BATCH_BYTES) {
                    flush();
                }
            }
        }
        flush();
    }

    /** Pushes frames for those of {@code refs} the destination lacks, fetching them in batches. */
    private void fetchMissing(List<LiveRoots.Root> refs, ArrayDeque<Frame> stack) {
        Map<Hash, ChunkKind> wanted = new LinkedHashMap<>();
        for (LiveRoots.Root r : refs) {
            if (!present.contains(r.address()) && !pendingPuts.containsKey(r.address())) {
                wanted.putIfAbsent(r.address(), r.kind());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Set<Hash> there = to.hasMany(wanted.keySet());
        for (Hash h : there) {
            if (wanted.remove(h) != null) {
                present.add(h);
                pruned++;
            }
        }
        List<Hash> missing = new ArrayList<>(wanted.keySet());
        for (int i = 0; i < missing.size(); i += GET_BATCH) {
            List<Hash> batch = missing.subList(i, Math.min(missing.size(), i + GET_BATCH));
            Set<Hash> expected = new LinkedHashSet<>(batch);
            Map<Hash, byte[]> got = new HashMap<>();
            requests++;
            from.getMany(batch, (h, chunk) -> {
                if (!expected.contains(h)) {
                    throw new RemoteAccessException(from.url() + " sent chunk " + h + " that was not asked for");
                }
                try {
                    RocksChunkStore.verify(h, chunk);
                } catch (CorruptChunkException e) {
                    throw new RemoteAccessException("corrupt chunk from " + from.url() + ": " + e.getMessage()
                            + "; nothing was updated", e);
                }
                got.put(h, chunk);
                copied++;
                bytes += chunk.length;
            });
            for (Hash h : batch) {
                byte[] chunk = got.get(h);
                if (chunk == null) {
                    throw new RemoteAccessException(from.url() + " did not send chunk " + h);
                }
                stack.push(new Frame(h, chunk, wanted.get(h)));
            }
            listener.progress(copied, bytes);
        }
    }

    private void flush() {
        if (pendingPuts.isEmpty()) {
            return;
        }
        to.putMany(new LinkedHashMap<>(pendingPuts));
        pendingPuts.clear();
        pendingBytes = 0;
    }
}
