package dev.scion.sql.dml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.scion.sql.expr.Values;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;

/**
 * The rows one INSERT has written so far into a table with a self-referencing foreign key. InnoDB checks a row's
 * parent once the rows before it in the statement are in, so {@code INSERT INTO tree VALUES (1, NULL), (2, 1)} is
 * accepted; the statement's rows are not in the working root until it ends, so the parent lookup asks here too.
 */
final class StatementParents {
    private final TableSchema schema;
    private final List<ForeignKeyDef> keys;
    /** Per key, the referenced values of the rows written, as hashable tuples. */
    private final List<Set<List<Object>>> written;
    private final List<Object[]> rows = new ArrayList<>();

    private StatementParents(TableSchema schema, List<ForeignKeyDef> keys) {
        this.schema = schema;
        this.keys = keys;
        this.written = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            written.add(new HashSet<>());
        }
    }

    /** Null when no foreign key of {@code table} references the table itself. */
    static StatementParents of(String table, TableSchema schema) {
        List<ForeignKeyDef> self = schema.foreignKeys().stream()
                .filter(fk -> fk.referencedTable().equalsIgnoreCase(table)).toList();
        return self.isEmpty() ? null : new StatementParents(schema, self);
    }

    void add(Object[] row) {
        rows.add(row);
        for (int i = 0; i < keys.size(); i++) {
            Object[] key = ForeignKeys.values(schema, keys.get(i).referencedColumns(), row);
            if (key != null) {
                written.get(i).add(tuple(key));
            }
        }
    }

    /** Whether a row written earlier in the statement holds {@code values} in the key's referenced columns. */
    boolean holds(ForeignKeyDef fk, Object[] values) {
        int i = keys.indexOf(fk);
        if (i < 0) {
            return false;
        }
        if (written.get(i).contains(tuple(values))) {
            return true;
        }
        // the exact tuple missed: compare as the engine does (a number against its text, say); only on the way to
        // a failure or an unusual match, so the scan does not repeat per row of a well-formed statement
        for (Object[] row : rows) {
            Object[] key = ForeignKeys.values(schema, fk.referencedColumns(), row);
            if (key != null && sameValues(key, values)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValues(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Values.compare(a[i], b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Numbers by value (1, 1.0 and a BIGINT 1 are one key), everything else as it is. */
    private static List<Object> tuple(Object[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)
                    ? Values.toDecimal(n).stripTrailingZeros() : v instanceof BigDecimal d ? d.stripTrailingZeros() : v);
        }
        return out;
    }
}
