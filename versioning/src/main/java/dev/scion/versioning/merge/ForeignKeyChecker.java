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
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds rows whose foreign keys point at no parent row, for the merge (which records them instead of applying
 * them silently) and for dolt_verify_constraints. A key with a NULL column is never checked, as in MySQL.
 * Values compare as MySQL's default collation does for the common cases: numbers by value, text ignoring case.
 */
public final class ForeignKeyChecker {
    private final Repository repo;
    private final ChunkReader reader;
    private final RootValue root;

    public ForeignKeyChecker(Repository repo, ChunkReader reader, RootValue root) {
        this.repo = repo;
        this.reader = reader;
        this.root = root;
    }

    /** Every row of {@code table} that violates one of its foreign keys: row key → description. */
    public Map<byte[], String> checkAll(String table) {
        return check(table, null);
    }

    /**
     * The violations among the rows a change from {@code before} (a version of the same root) brought into
     * {@code table}, plus the rows left orphaned because a parent row they referenced went away or changed.
     */
    public Map<byte[], String> checkChanges(String table, RootValue before) {
        Map<byte[], String> found = new TreeMap<>(KeyBytes.ORDER);
        TableValue child = table(table);
        if (child == null || child.schema().foreignKeys().isEmpty()) {
            return found;
        }
        Hash was = before.table(table).orElse(null);
        if (was != null && !repo.readTable(reader, was).schema().foreignKeys().containsAll(child.schema().foreignKeys())) {
            return check(table, null); // a foreign key new to this side must hold for every row
        }
        if (!child.rows().equals(was == null ? null : repo.readTable(reader, was).rows())) {
            Set<ByteBuffer> changed = new HashSet<>();
            ProllyMap from = was == null ? ProllyMap.empty(new dev.scion.storage.chunk.MemoryChunkStore())
                    : ProllyMap.load(reader, repo.readTable(reader, was).rows());
            Iterator<DiffEntry> d = ProllyMap.diff(from, ProllyMap.load(reader, child.rows()));
            while (d.hasNext()) {
                DiffEntry e = d.next();
                if (e.toValue() != null) {
                    changed.add(ByteBuffer.wrap(e.key()));
                }
            }
            if (!changed.isEmpty()) {
                found.putAll(check(table, changed));
            }
        }
        for (ForeignKeyDef fk : child.schema().foreignKeys()) {
            Hash parentBefore = before.table(fk.referencedTable()).orElse(null);
            Hash parentNow = root.table(fk.referencedTable()).orElse(null);
            if (parentBefore != null && !parentBefore.equals(parentNow)) {
                // a parent row removed or re-keyed can orphan rows anywhere in the child: check them all
                found.putAll(check(table, null));
                break;
            }
        }
        return found;
    }

    private TableValue table(String name) {
        return root.table(name).map(h -> repo.readTable(reader, h)).orElse(null);
    }

    private Map<byte[], String> check(String table, Set<ByteBuffer> onlyKeys) {
        Map<byte[], String> found = new TreeMap<>(KeyBytes.ORDER);
        TableValue child = table(table);
        if (child == null) {
            return found;
        }
        TableSchema cs = child.schema();
        RowCodec codec = new RowCodec(cs);
        for (ForeignKeyDef fk : cs.foreignKeys()) {
            TableValue parent = table(fk.referencedTable());
            Set<List<Object>> parentKeys = parent == null ? Set.of() : values(parent, fk.referencedColumns());
            int[] at = fk.columns().stream().mapToInt(cs::columnIndex).toArray();
            try (ProllyCursor c = ProllyMap.load(reader, child.rows()).cursor()) {
                while (c.next()) {
                    byte[] key = c.key();
                    if (onlyKeys != null && !onlyKeys.contains(ByteBuffer.wrap(key))) {
                        continue;
                    }
                    Object[] row = codec.decode(key, c.value());
                    List<Object> ref = tuple(row, at);
                    if (ref != null && !parentKeys.contains(ref)) {
                        found.merge(key, describe(table, cs, fk, parent == null ? null : parent.schema()),
                                (a, b) -> a.equals(b) ? a : a + "; " + b);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The text recorded for a row breaking {@code fk}: "foreign key " and Dolt's violation_info object, keys in
     * MySQL's JSON normal form (by length, then name). Index and ReferencedIndex name the index each side serves
     * the key with; empty when it is the primary key (or the parent is gone).
     */
    static String describe(String table, TableSchema child, ForeignKeyDef fk, TableSchema parent) {
        return "foreign key {\"Index\": " + quote(indexFor(child, fk.columns()))
                + ", \"Table\": " + quote(table)
                + ", \"Columns\": " + quote(fk.columns())
                + ", \"OnDelete\": " + quote(fk.onDelete().sql())
                + ", \"OnUpdate\": " + quote(fk.onUpdate().sql())
                + ", \"ForeignKey\": " + quote(fk.name())
                + ", \"ReferencedIndex\": " + quote(parent == null ? "" : indexFor(parent, fk.referencedColumns()))
                + ", \"ReferencedTable\": " + quote(fk.referencedTable())
                + ", \"ReferencedColumns\": " + quote(fk.referencedColumns()) + "}";
    }

    /** The index whose leading columns are {@code columns}: "" for the primary key, else the first such index. */
    private static String indexFor(TableSchema schema, List<String> columns) {
        if (startsWith(schema.primaryKey(), columns)) {
            return "";
        }
        return schema.indexes().stream().filter(ix -> startsWith(ix.columns(), columns)).findFirst()
                .map(dev.scion.versioning.schema.IndexDef::name).orElse("");
    }

    private static boolean startsWith(List<String> indexColumns, List<String> columns) {
        if (indexColumns.size() < columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!indexColumns.get(i).equalsIgnoreCase(columns.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String quote(List<String> values) {
        return "[" + String.join(", ", values.stream().map(ForeignKeyChecker::quote).toList()) + "]";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Set<List<Object>> values(TableValue t, List<String> columns) {
        Set<List<Object>> out = new HashSet<>();
        RowCodec codec = new RowCodec(t.schema());
        int[] at = columns.stream().mapToInt(t.schema()::columnIndex).toArray();
        try (ProllyCursor c = ProllyMap.load(reader, t.rows()).cursor()) {
            while (c.next()) {
                List<Object> v = tuple(codec.decode(c.key(), c.value()), at);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The normalised values at {@code at}, or null when one is NULL (or the column is missing). */
    private static List<Object> tuple(Object[] row, int[] at) {
        List<Object> out = new ArrayList<>(at.length);
        for (int i : at) {
            Object v = i < 0 || i >= row.length ? null : row[i];
            if (v == null) {
                return null;
            }
            out.add(normalise(v));
        }
        return out;
    }

    private static Object normalise(Object v) {
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
            return v instanceof Double || v instanceof Float ? (Object) new BigDecimal(n.toString()).stripTrailingZeros()
                    : BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if (v instanceof String s) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        return v;
    }
}
