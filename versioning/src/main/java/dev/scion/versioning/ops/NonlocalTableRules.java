package dev.scion.versioning.ops;

import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rows of a root's dolt_nonlocal_tables: each names a table (or, with {@code *} / {@code ?}, a pattern of
 * names) that lives on another ref, {@code target_ref}, under the name {@code ref_table} (the same name when that
 * is empty). Reads and writes of such a table on this branch go to the target branch's working set.
 */
public final class NonlocalTableRules {
    /** One row: {@code refTable} is null when the table keeps its name on the target ref. */
    public record Rule(String tableName, Pattern pattern, String targetRef, String refTable) {
        public boolean isPattern() {
            return tableName.indexOf('*') >= 0 || tableName.indexOf('?') >= 0;
        }

        /** The name on the target ref of a table this rule matches. */
        public String targetName(String table) {
            return refTable == null || refTable.isEmpty() ? table : refTable;
        }
    }

    private NonlocalTableRules() {
    }

    /** The rules in table_name order; none when the root has no dolt_nonlocal_tables. */
    public static List<Rule> of(Repository repo, ChunkReader reader, RootValue root) {
        Optional<dev.scion.storage.Hash> h = root.table(DoltTables.NONLOCAL);
        if (h.isEmpty()) {
            return List.of();
        }
        TableValue t = repo.readTable(reader, h.get());
        int nameAt = t.schema().columnIndex("table_name");
        int refAt = t.schema().columnIndex("target_ref");
        int tableAt = t.schema().columnIndex("ref_table");
        if (nameAt < 0 || refAt < 0 || tableAt < 0) {
            return List.of();
        }
        RowCodec codec = new RowCodec(t.schema());
        List<Rule> rules = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(reader, t.rows()).cursor()) {
            while (c.next()) {
                Object[] row = codec.decode(c.key(), c.value());
                if (row[nameAt] != null && row[refAt] != null) {
                    String name = row[nameAt].toString();
                    rules.add(new Rule(name, IgnorePatterns.glob(name), row[refAt].toString(),
                            row[tableAt] == null ? null : row[tableAt].toString()));
                }
            }
        }
        return rules;
    }

    /** The first rule whose name or pattern matches {@code table}. */
    public static Optional<Rule> match(List<Rule> rules, String table) {
        return rules.stream().filter(r -> r.pattern().matcher(table).matches()).findFirst();
    }
}
