package dev.scion.cli.bench;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.RowDiffer;
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
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.TableEditor;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the data sets for the figures in the issue-4 report (run by hand, not a unit test):
 * {@code history <dir> <n>} makes a database with n commits each changing one row;
 * {@code bigtable <dir> <rows>} commits a table of that many rows and leaves 10 changed rows in the working set,
 * then times the row diff in process; {@code csv <file> <rows>} writes a CSV file to import.
 */
public final class VcsBench {
    private static final Signature WHO = new Signature("Bench", "bench@example.com", 1_767_225_600_000L);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "history" -> history(Path.of(args[1]), Integer.parseInt(args[2]));
            case "bigtable" -> bigTable(Path.of(args[1]), Integer.parseInt(args[2]));
            case "csv" -> csv(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static TableSchema schema() {
        return new TableSchema(List.of(
                new Column("id", ColumnType.of(TypeKind.BIGINT), false, null, false, null, 1),
                new Column("name", ColumnType.of(TypeKind.VARCHAR, 40), true, null, false, null, 2),
                new Column("qty", ColumnType.of(TypeKind.BIGINT), true, null, false, null, 3)), List.of("id"), List.of());
    }

    private static void edit(Repository repo, String table, java.util.function.Consumer<TableEditor> f) {
        WorkingSet ws = repo.workingSet("main");
        ChunkBuffer buf = repo.newBuffer();
        RootValue root = repo.readRoot(buf, ws.working());
        TableValue tv = root.table(table).map(h -> repo.readTable(buf, h))
                .orElse(new TableValue(schema(), ProllyMap.empty(buf).root(), Map.of(), 1));
        TableEditor ed = new TableEditor(table, tv, buf);
        f.accept(ed);
        root = root.withTable(table, ed.finish().write(buf));
        repo.updateWorkingSet("main", ws, ws.withWorking(root.write(buf)), buf);
    }

    private static void history(Path dir, int n) {
        try (Repository repo = Repository.init(dir, WHO, "main", StoreOptions.defaults().withSync(false))) {
            repo.setDefaultBranch("main");
            BranchContext ctx = new BranchContext(repo, "main");
            for (int i = 0; i < n; i++) {
                final long id = i % 500;
                final long v = i;
                edit(repo, "t", ed -> {
                    Object[] old = ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {id}));
                    Object[] row = {id, "row " + id, v};
                    if (old == null) {
                        ed.insert(row);
                    } else {
                        ed.update(old, row);
                    }
                });
                AddOp.addAll(ctx);
                CommitOp.run(ctx, CommitOptions.of("commit " + i, WHO.at(WHO.timeMillis() + i * 1000L)));
            }
        }
    }

    private static void bigTable(Path dir, int rows) {
        try (Repository repo = Repository.init(dir, WHO, "main", StoreOptions.defaults().withSync(false))) {
            repo.setDefaultBranch("main");
            BranchContext ctx = new BranchContext(repo, "main");
            for (int start = 0; start < rows; start += 200_000) {
                final int s = start;
                edit(repo, "big", ed -> {
                    for (long i = s; i < Math.min(rows, s + 200_000L); i++) {
                        ed.insert(new Object[] {i, "name " + i, i * 3});
                    }
                });
            }
            AddOp.addAll(ctx);
            CommitOp.run(ctx, CommitOptions.of("big table", WHO));
            edit(repo, "big", ed -> {
                for (long i = 0; i < 10; i++) {
                    long id = i * (rows / 10) + 7;
                    Object[] old = ed.getByKey(ed.codec().keyFromKeyValues(new Object[] {id}));
                    ed.update(old, new Object[] {id, old[1], -1L});
                }
            });
            Hash head = repo.readRoot(repo.chunks(), repo.readCommit(ctx.head()).root()).table("big").orElseThrow();
            Hash work = repo.readRoot(repo.chunks(), repo.workingSet("main").working()).table("big").orElseThrow();
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                TableValue a = repo.readTable(repo.chunks(), head);
                TableValue b = repo.readTable(repo.chunks(), work);
                RowDiffer d = new RowDiffer(repo.chunks(), a, b);
                int count = 0;
                while (d.hasNext()) {
                    RowChange c = d.next();
                    count += c.changedColumns().size();
                }
                System.out.printf("row diff of 10 changed rows in %d rows: %.2f ms (%d cells)%n", rows,
                        (System.nanoTime() - t0) / 1e6, count);
            }
        }
    }

    private static void csv(Path file, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,name,qty,price,day\n");
            for (int i = 0; i < rows; i++) {
                w.write(i + ",\"name " + i + "\"," + (i * 7 % 1000) + "," + (i % 10000) + "." + (i % 100 / 10)
                        + (i % 10) + ",2024-" + String.format("%02d-%02d", i % 12 + 1, i % 28 + 1) + "\n");
            }
        }
    }
}
