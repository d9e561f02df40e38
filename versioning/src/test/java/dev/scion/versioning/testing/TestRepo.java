package dev.scion.versioning.testing;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.AddOp;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.CommitOp;
import dev.scion.versioning.ops.CommitOptions;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.TableEditor;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real RocksDB-backed repository in a temp directory plus terse helpers for tests: create tables, write rows
 * into a branch's working root through {@link TableEditor}, commit.
 */
public final class TestRepo implements AutoCloseable {
    public static final Signature ALICE = new Signature("Alice", "alice@example.com", 1_700_000_000_000L);

    public final Repository repo;
    /** The repository's directory, for tests that reopen it or damage its files. */
    public final Path path;

    /** -Dscion.test.nursery=true runs the tests that use this with the chunk nursery on. */
    public TestRepo(Path dir) {
        this(dir, StoreOptions.defaults().withSync(false).withNursery(Boolean.getBoolean("scion.test.nursery")));
    }

    public TestRepo(Path dir, StoreOptions options) {
        this.path = dir.resolve("db");
        this.repo = Repository.init(path, ALICE, "main", options);
    }

    public BranchContext on(String branch) {
        return new BranchContext(repo, branch);
    }

    public static Column col(String name, TypeKind kind, long tag) {
        return new Column(name, ColumnType.of(kind), true, null, false, null, tag);
    }

    /** id INT primary key, name VARCHAR, qty INT; tags 1, 2, 3; a unique index on name when asked. */
    public static TableSchema people(boolean uniqueName) {
        return new TableSchema(List.of(
                new Column("id", ColumnType.of(TypeKind.INT), false, null, false, null, 1),
                new Column("name", ColumnType.of(TypeKind.VARCHAR, 40), true, null, false, null, 2),
                new Column("qty", ColumnType.of(TypeKind.INT), true, null, false, null, 3)),
                List.of("id"), uniqueName ? List.of(new IndexDef("uq_name", List.of("name"), true)) : List.of());
    }

    /** Creates (or replaces) a table with the given schema in the branch's working root, keeping rows if any. */
    public void createTable(String branch, String table, TableSchema schema) {
        WorkingSet ws = repo.workingSet(branch);
        ChunkBuffer buf = repo.newBuffer();
        TableValue tv = new TableValue(schema, ProllyMap.empty(buf).root(), Map.of(), 1);
        tv = new TableEditor(table, tv, buf).finish();
        RootValue root = repo.readRoot(buf, ws.working()).withTable(table, tv.write(buf));
        repo.updateWorkingSet(branch, ws, ws.withWorking(root.write(buf)), buf);
    }

    /** Replaces a table's schema, rewriting its rows by column tag (what ALTER TABLE would do). */
    public void alterTable(String branch, String table, TableSchema schema) {
        WorkingSet ws = repo.workingSet(branch);
        ChunkBuffer buf = repo.newBuffer();
        RootValue root = repo.readRoot(buf, ws.working());
        TableValue old = repo.readTable(buf, root.table(table).orElseThrow());
        Hash rows = new dev.scion.versioning.merge.RowRemapper(old.schema(), schema).remapAll(buf, old.rows());
        TableValue tv = dev.scion.versioning.merge.IndexRebuilder.rebuild(buf,
                new TableValue(schema, rows, Map.of(), old.autoIncrement()));
        root = root.withTable(table, tv.write(buf));
        repo.updateWorkingSet(branch, ws, ws.withWorking(root.write(buf)), buf);
    }

    public void dropTable(String branch, String table) {
        WorkingSet ws = repo.workingSet(branch);
        ChunkBuffer buf = repo.newBuffer();
        RootValue root = repo.readRoot(buf, ws.working()).withoutTable(table);
        repo.updateWorkingSet(branch, ws, ws.withWorking(root.write(buf)), buf);
    }

    /** Runs edits against one table of the branch's working root and installs the result. */
    public void edit(String branch, String table, Consumer<TableEditor> edits) {
        WorkingSet ws = repo.workingSet(branch);
        ChunkBuffer buf = repo.newBuffer();
        RootValue root = repo.readRoot(buf, ws.working());
        TableValue tv = repo.readTable(buf, root.table(table).orElseThrow());
        TableEditor ed = new TableEditor(table, tv, buf);
        edits.accept(ed);
        root = root.withTable(table, ed.finish().write(buf));
        repo.updateWorkingSet(branch, ws, ws.withWorking(root.write(buf)), buf);
    }

    public void insert(String branch, String table, Object[]... rows) {
        edit(branch, table, ed -> Arrays.stream(rows).forEach(ed::insert));
    }

    /** Sets one column of the row with integer key {@code id}. */
    public void set(String branch, String table, long id, String column, Object value) {
        edit(branch, table, ed -> {
            Object[] old = ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {id}));
            Object[] next = old.clone();
            next[ed.codec().schema().columnIndex(column)] = value;
            ed.update(old, next);
        });
    }

    public void delete(String branch, String table, long id) {
        edit(branch, table, ed -> ed.delete(ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {id}))));
    }

    /** A people table (no unique index) on main holding these rows, committed: where most tests start. */
    public Hash commitPeople(String table, String message, Object[]... rows) {
        createTable("main", table, people(false));
        if (rows.length > 0) {
            insert("main", table, rows);
        }
        return commitAll("main", message);
    }

    public Hash commitAll(String branch, String message) {
        BranchContext ctx = on(branch);
        AddOp.addAll(ctx);
        return CommitOp.run(ctx, CommitOptions.of(message, ALICE));
    }

    /** Every row of a table in a root, in key order. */
    public List<List<Object>> rows(Hash rootHash, String table) {
        RootValue root = repo.readRoot(repo.chunks(), rootHash);
        TableValue tv = repo.readTable(repo.chunks(), root.table(table).orElseThrow());
        RowCodec codec = new RowCodec(tv.schema());
        List<List<Object>> out = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(repo.chunks(), tv.rows()).cursor()) {
            while (c.next()) {
                out.add(Arrays.asList(codec.decode(c.key(), c.value())));
            }
        }
        return out;
    }

    public List<List<Object>> workingRows(String branch, String table) {
        return rows(repo.workingSet(branch).working(), table);
    }

    public TableValue workingTable(String branch, String table) {
        RootValue root = repo.readRoot(repo.chunks(), repo.workingSet(branch).working());
        return repo.readTable(repo.chunks(), root.table(table).orElseThrow());
    }

    public static Object[] row(Object... values) {
        return values;
    }

    @Override
    public void close() {
        repo.close();
    }
}
