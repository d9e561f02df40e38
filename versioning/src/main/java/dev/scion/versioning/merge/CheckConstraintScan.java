package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.table.RowCodec;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds rows failing a table's CHECK constraints, for the merge and dolt_verify_constraints. Only rows that a
 * change brought in are evaluated, unless the set of checks itself changed (a check added on the other side
 * must hold for every row).
 */
public final class CheckConstraintScan {
    private final Repository repo;
    private final ChunkReader reader;
    private final RowConstraintChecker checker;

    public CheckConstraintScan(Repository repo, ChunkReader reader, RowConstraintChecker checker) {
        this.repo = repo;
        this.reader = reader;
        this.checker = checker;
    }

    /** Violations among the rows of {@code table} in {@code now} that differ from {@code before}: key → text. */
    public Map<byte[], String> checkChanges(String table, RootValue now, RootValue before) {
        TableValue t = now.table(table).map(h -> repo.readTable(reader, h)).orElse(null);
        if (t == null || t.schema().checks().isEmpty() || checker == RowConstraintChecker.NONE) {
            return new TreeMap<>(KeyBytes.ORDER);
        }
        Hash was = before.table(table).orElse(null);
        TableValue old = was == null ? null : repo.readTable(reader, was);
        if (old == null || !old.schema().checks().equals(t.schema().checks())
                || !old.schema().columns().equals(t.schema().columns())) {
            return checkAll(t);
        }
        Map<byte[], String> found = new TreeMap<>(KeyBytes.ORDER);
        if (old.rows().equals(t.rows())) {
            return found;
        }
        RowCodec codec = new RowCodec(t.schema());
        Iterator<DiffEntry> d = ProllyMap.diff(ProllyMap.load(reader, old.rows()), ProllyMap.load(reader, t.rows()));
        while (d.hasNext()) {
            DiffEntry e = d.next();
            if (e.toValue() != null) {
                record(found, e.key(), checker.failedChecks(t.schema(), codec.decode(e.key(), e.toValue())));
            }
        }
        return found;
    }

    /** Violations among all rows of {@code table} in {@code root}. */
    public Map<byte[], String> checkAll(String table, RootValue root) {
        TableValue t = root.table(table).map(h -> repo.readTable(reader, h)).orElse(null);
        return t == null || checker == RowConstraintChecker.NONE ? new TreeMap<>(KeyBytes.ORDER) : checkAll(t);
    }

    private Map<byte[], String> checkAll(TableValue t) {
        Map<byte[], String> found = new TreeMap<>(KeyBytes.ORDER);
        if (t.schema().checks().isEmpty()) {
            return found;
        }
        RowCodec codec = new RowCodec(t.schema());
        try (ProllyCursor c = ProllyMap.load(reader, t.rows()).cursor()) {
            while (c.next()) {
                record(found, c.key(), checker.failedChecks(t.schema(), codec.decode(c.key(), c.value())));
            }
        }
        return found;
    }

    private static void record(Map<byte[], String> found, byte[] key, List<CheckDef> failed) {
        for (CheckDef check : failed) {
            found.merge(key, RowConstraintChecker.describe(check), (a, b) -> a + "; " + b);
        }
    }
}
