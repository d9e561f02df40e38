package dev.scion.versioning.fsck;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.gc.WalkerRegistry;
import dev.scion.versioning.gc.VersioningKinds;
import dev.scion.versioning.gc.WorkingSetRoots;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.RefNames;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a database's stored history: follows every ref (branches, tags, remote-tracking refs) and every
 * working set (working, staged and merge roots) down to every chunk they reach, reads each chunk from disk,
 * checks that it hashes to its address and that it decodes as the kind of object that refers to it.
 *
 * <p>The graph is the one garbage collection marks ({@link VersioningKinds#registry()}), so a chunk fsck
 * calls reachable is exactly one a collection keeps; unlike the collector, fsck also reads the leaf chunks
 * (blob leaves) it would only mark. Read only; meant for a database no server has open, since a running
 * server may move refs while the walk is under way.
 */
public final class RepositoryChecker {
    /** How many problems a report lists (all are counted). */
    public static final int DEFAULT_PROBLEM_LIMIT = 100;

    private final RocksChunkStore store;
    private final WalkerRegistry walkers = VersioningKinds.registry();
    private final int problemLimit;

    private final Set<Hash> verified = new HashSet<>();
    private final Set<Hash> bad = new HashSet<>();
    private final Set<Visit> walked = new HashSet<>();
    private final ArrayDeque<Visit> pending = new ArrayDeque<>();
    private final List<FsckProblem> problems = new ArrayList<>();
    private long problemCount;
    private long bytes;

    /** One chunk reached as one kind (an address may be reached as two kinds and is walked as each). */
    private record Visit(Hash address, ChunkKind kind) {
    }

    public RepositoryChecker(RocksChunkStore store) {
        this(store, DEFAULT_PROBLEM_LIMIT);
    }

    public RepositoryChecker(RocksChunkStore store, int problemLimit) {
        this.store = store;
        this.problemLimit = problemLimit;
    }

    /** Runs the check once; a checker is not reusable. */
    public FsckReport check() {
        int refs = 0;
        for (Map.Entry<String, byte[]> e : store.listRefs("").entrySet()) {
            String name = e.getKey();
            byte[] value = e.getValue();
            if (name.startsWith(RefNames.WORKING_SETS)) {
                refs++;
                WorkingSet ws;
                try {
                    ws = WorkingSet.decode(value);
                } catch (RuntimeException ex) {
                    problem(new FsckProblem(FsckProblem.Type.BAD_REF, null, null, name,
                            "working set cannot be decoded: " + ex.getMessage()));
                    continue;
                }
                WorkingSetRoots.report(ws, (h, kind) -> push(h, kind));
                walk(name);
            } else if (name.startsWith("refs/")) {
                refs++;
                if (value.length != Hash.LENGTH) {
                    problem(new FsckProblem(FsckProblem.Type.BAD_REF, null, null, name,
                            "value is " + value.length + " bytes, not a " + Hash.LENGTH + "-byte address"));
                    continue;
                }
                push(Hash.fromBytes(value), VersioningKinds.COMMITISH);
                walk(name);
            }
            // config/... refs hold settings, not addresses
        }
        return new FsckReport(refs, verified.size(), bytes, problemCount, problems);
    }

    private void push(Hash h, ChunkKind kind) {
        Visit v = new Visit(h, kind);
        if (walked.add(v)) {
            pending.push(v);
        }
    }

    /** Depth-first with an explicit stack: commit chains are long. */
    private void walk(String ref) {
        while (!pending.isEmpty()) {
            Visit v = pending.pop();
            Hash h = v.address();
            if (bad.contains(h)) {
                continue; // reported once, from the first ref that reached it
            }
            byte[] chunk = store.readUncached(h);
            if (chunk == null) {
                bad.add(h);
                problem(new FsckProblem(FsckProblem.Type.MISSING, h, v.kind().name(), ref,
                        "no chunk is stored under this address"));
                continue;
            }
            if (verified.add(h)) {
                Hash actual = Hash.of(chunk);
                if (!actual.equals(h)) {
                    verified.remove(h);
                    bad.add(h);
                    problem(new FsckProblem(FsckProblem.Type.CORRUPT, h, v.kind().name(), ref,
                            "stored bytes hash to " + actual));
                    continue;
                }
                bytes += chunk.length;
            }
            if (v.kind().equals(ChunkKind.LEAF)) {
                continue;
            }
            try {
                walkers.walker(v.kind()).children(h, chunk, this::push);
            } catch (RuntimeException ex) {
                problem(new FsckProblem(FsckProblem.Type.UNDECODABLE, h, v.kind().name(), ref,
                        String.valueOf(ex.getMessage())));
            }
        }
    }

    private void problem(FsckProblem p) {
        problemCount++;
        if (problems.size() < problemLimit) {
            problems.add(p);
        }
    }
}
