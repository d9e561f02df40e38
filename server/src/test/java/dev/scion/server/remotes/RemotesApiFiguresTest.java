package dev.scion.server.remotes;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.AddOp;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.CommitOp;
import dev.scion.versioning.ops.CommitOptions;
import dev.scion.versioning.remote.CloneOp;
import dev.scion.versioning.remote.FetchOp;
import dev.scion.versioning.remote.RemoteCredentials;
import dev.scion.versioning.remote.TransferListener;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.TableEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's figures through the real HTTP remotes API on loopback: clone throughput of a sysbench-shaped
 * table (rows from -Dscion.figures.rows, default 100,000; 1,000,000 for docs/performance.md), and the
 * chunks an incremental fetch moves after a 10-row change, against the row tree's depth.
 */
class RemotesApiFiguresTest {
    static final Signature WHO = new Signature("bench", "bench@example.com", 1_700_000_000_000L);

    @TempDir
    Path dir;

    @Test
    void cloneThroughputAndIncrementalFetch() {
        int rows = Integer.getInteger("scion.figures.rows", 100_000);
        DataDirectory data = new DataDirectory(dir.resolve("server"), StoreOptions.defaults());
        Repository origin = data.create("sbtest", WHO);
        fill(origin, rows);
        Hash head = commit(origin, "load");

        try (RemotesApiServer api = new RemotesApiServer("127.0.0.1", 0, data, RemotesAuthenticator.loopbackRoot(false))) {
            api.start();
            String url = "http://127.0.0.1:" + api.port() + "/sbtest";
            long t0 = System.nanoTime();
            CloneOp.Result r = CloneOp.clone(url, dir.resolve("clone"), "origin", null,
                    new RemoteCredentials("root", ""), TransferListener.NONE, StoreOptions.defaults());
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Repository clone = r.repo()) {
                assertEquals(head, clone.branchHead("main").orElseThrow());
                double mb = r.stats().bytesCopied() / 1e6;
                System.out.printf("FIGURE clone rows=%d chunks=%d bytes=%d seconds=%.2f MB/s=%.1f requests=%d%n",
                        rows, r.stats().chunksCopied(), r.stats().bytesCopied(), seconds, mb / seconds,
                        r.stats().getRequests());
                assertEquals(0, clone.gc().missingChunks(), "the clone is complete");

                int depth = depth(origin);
                Random random = new Random(7);
                edit(origin, ed -> {
                    for (int i = 0; i < 10; i++) {
                        long id = 1 + random.nextInt(rows);
                        Object[] old = ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {id}));
                        Object[] next = old.clone();
                        next[1] = -id;
                        ed.update(old, next);
                    }
                });
                commit(origin, "ten rows");
                FetchOp.Result f = FetchOp.fetch(clone, "origin", new RemoteCredentials("root", ""),
                        TransferListener.NONE);
                long chunks = f.stats().chunksCopied();
                System.out.printf("FIGURE incremental fetch after 10 changed rows: chunks=%d depth=%d "
                        + "(bound 10 x depth = %d, plus commit, root value, table)%n", chunks, depth, 10 * depth);
                assertTrue(chunks <= 10L * depth + 3, chunks + " chunks for depth " + depth);
            }
        } finally {
            data.close();
        }
    }

    static TableSchema sbtest() {
        return new TableSchema(List.of(
                new Column("id", ColumnType.of(TypeKind.INT), false, null, false, null, 1),
                new Column("k", ColumnType.of(TypeKind.INT), false, null, false, null, 2),
                new Column("c", ColumnType.of(TypeKind.CHAR, 120), false, null, false, null, 3),
                new Column("pad", ColumnType.of(TypeKind.CHAR, 60), false, null, false, null, 4)),
                List.of("id"), List.of());
    }

    static void fill(Repository repo, int rows) {
        WorkingSet ws = repo.workingSet("main");
        ChunkBuffer buf = repo.newBuffer();
        TableValue tv = new TableValue(sbtest(), ProllyMap.empty(buf).root(), Map.of(), 1);
        RootValue root = repo.readRoot(buf, ws.working()).withTable("sbtest1", tv.write(buf));
        repo.updateWorkingSet("main", ws, ws.withWorking(root.write(buf)), buf);
        Random random = new Random(1);
        for (int start = 1; start <= rows; start += 100_000) {
            int from = start;
            edit(repo, ed -> {
                for (int id = from; id < Math.min(rows + 1, from + 100_000); id++) {
                    ed.insert(new Object[] {(long) id, (long) random.nextInt(rows), digits(random, 120),
                        digits(random, 60)});
                }
            });
        }
    }

    /** sysbench's c and pad: groups of random digits. */
    static String digits(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((i + 1) % 12 == 0 ? '-' : (char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    static void edit(Repository repo, java.util.function.Consumer<TableEditor> edits) {
        WorkingSet ws = repo.workingSet("main");
        ChunkBuffer buf = repo.newBuffer();
        RootValue root = repo.readRoot(buf, ws.working());
        TableEditor ed = new TableEditor("sbtest1", repo.readTable(buf, root.table("sbtest1").orElseThrow()), buf);
        edits.accept(ed);
        root = root.withTable("sbtest1", ed.finish().write(buf));
        repo.updateWorkingSet("main", ws, ws.withWorking(root.write(buf)), buf);
    }

    static Hash commit(Repository repo, String message) {
        BranchContext ctx = new BranchContext(repo, "main");
        AddOp.addAll(ctx);
        return CommitOp.run(ctx, CommitOptions.of(message, WHO));
    }

    /** Levels of the row tree: 1 for a single leaf. */
    static int depth(Repository repo) {
        RootValue root = repo.readRoot(repo.chunks(), repo.workingSet("main").working());
        TableValue tv = repo.readTable(repo.chunks(), root.table("sbtest1").orElseThrow());
        return ProllyMap.load(repo.chunks(), tv.rows()).depth();
    }
}
