package dev.scion.versioning.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.gc.GcResult;
import dev.scion.versioning.fsck.FsckReport;
import dev.scion.versioning.fsck.RepositoryChecker;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.scion.versioning.testing.TestRepo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Garbage collection over the format 2 layout, where a root names a table map and a table names a schema chunk:
 * a walker that missed either reference would delete live data. Every table is read back from a freshly opened
 * repository (no decoded object cached) after the collection.
 */
class ManyTablesGcTest {
    private static final int TABLES = 240;
    private static final int SCHEMAS = 12;

    @TempDir
    Path dir;

    /** id plus {@code extra} INT columns: twelve schemas shared by the tables. */
    private static TableSchema schema(int extra) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("id", ColumnType.of(TypeKind.INT), false, null, false, null, 1));
        for (int i = 0; i < extra; i++) {
            cols.add(TestRepo.col("c" + i, TypeKind.INT, i + 2));
        }
        return new TableSchema(cols, List.of("id"), List.of());
    }

    private static Object[] rowOf(int extra, long id) {
        Object[] r = new Object[extra + 1];
        r[0] = id;
        for (int i = 0; i < extra; i++) {
            r[i + 1] = id * 10 + i;
        }
        return r;
    }

    @Test
    void collectingAManyTableRepositoryKeepsEveryTableAndSchema() {
        Map<String, Integer> extraOf = new TreeMap<>();
        Hash oldRoot;
        try (TestRepo t = new TestRepo(dir)) {
            for (int i = 0; i < TABLES; i++) {
                int extra = i % SCHEMAS;
                String name = "Table_" + i;
                extraOf.put(name, extra);
                t.createTable("main", name, schema(extra));
                t.insert("main", name, rowOf(extra, i), rowOf(extra, i + 1000));
            }
            t.commitAll("main", "many tables");
            // history the collection must keep: altered schemas, dropped tables, then more rows in the working set
            for (int i = 0; i < 20; i++) {
                t.dropTable("main", "Table_" + i);
                extraOf.remove("Table_" + i);
            }
            for (int i = 20; i < 40; i++) {
                t.alterTable("main", "Table_" + i, schema(SCHEMAS + i));
                extraOf.put("Table_" + i, SCHEMAS + i);
            }
            t.commitAll("main", "alter and drop");
            for (int i = 40; i < 60; i++) {
                t.insert("main", "Table_" + i, rowOf(i % SCHEMAS, 5000 + i));
            }
            // a branch whose working root is still in format 1 (as an older Scion wrote it)
            oldRoot = writeFormatOneWorkingRoot(t.repo);
            GcResult r = t.repo.gc();
            assertEquals(0, r.missingChunks(), r.toString());
            assertTrue(r.deletedChunks() > 0, "overwritten working roots are garbage: " + r);
        }
        try (Repository repo = Repository.open(dir.resolve("db"), StoreOptions.defaults().withSync(false))) {
            FsckReport report = new RepositoryChecker(repo.store()).check();
            assertTrue(report.isClean(), report.toString());
            RootValue working = repo.readRoot(repo.chunks(), repo.workingSet("main").working());
            assertEquals(extraOf.keySet(), working.tables().keySet());
            for (Map.Entry<String, Integer> e : extraOf.entrySet()) {
                TableValue tv = repo.readTable(repo.chunks(), working.tableHash(e.getKey()));
                assertEquals(e.getValue() + 1, tv.schema().columns().size(), e.getKey());
                int i = Integer.parseInt(e.getKey().substring("Table_".length()));
                long rows = dev.scion.storage.prolly.ProllyMap.load(repo.chunks(), tv.rows()).count();
                assertEquals(i >= 40 && i < 60 ? 3 : 2, rows, e.getKey());
            }
            // every table of every commit, too
            for (Hash c = repo.branchHead("main").orElseThrow(); c != null; ) {
                var commit = repo.readCommit(c);
                RootValue root = repo.readRoot(repo.chunks(), commit.root());
                for (Hash table : root.tables().values()) {
                    repo.readTable(repo.chunks(), table).schema();
                }
                c = commit.parents().isEmpty() ? null : commit.parents().get(0);
            }
            RootValue old = repo.readRoot(repo.chunks(), oldRoot);
            assertEquals(3, old.tables().size());
            for (Hash table : old.tables().values()) {
                assertEquals(2, dev.scion.storage.prolly.ProllyMap.load(repo.chunks(),
                        repo.readTable(repo.chunks(), table).rows()).count());
            }
        }
    }

    /** Branch "old" whose working root and tables are format 1 chunks; returns that root's address. */
    private static Hash writeFormatOneWorkingRoot(Repository repo) {
        repo.createBranch("old", repo.branchHead("main").orElseThrow());
        WorkingSet ws = repo.workingSet("old");
        ChunkBuffer buf = repo.newBuffer();
        RootValue main = repo.readRoot(buf, ws.working());
        TreeMap<String, Hash> tables = new TreeMap<>();
        for (String name : List.of("Table_100", "Table_101", "Table_102")) {
            TableValue tv = repo.readTable(buf, main.tableHash(name));
            tables.put(name, buf.put(tv.encodeFormatOne()));
        }
        Hash root = buf.put(RootValue.encodeFormatOne(tables));
        repo.updateWorkingSet("old", ws, ws.withWorking(root), buf);
        return root;
    }
}
