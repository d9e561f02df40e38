package dev.scion.versioning.sqlgen;

import dev.scion.versioning.diff.SchemaChange;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** SQL statements (MySQL dialect) for tables and rows: what {@code diff --sql} and {@code dump} print. */
public final class SqlScript {
    private SqlScript() {
    }

    public static String createTable(String name, TableSchema s) {
        List<String> lines = new ArrayList<>();
        for (Column c : s.columns()) {
            if (!c.hidden()) { // a functional key part's column: the index below recreates it
                lines.add("  " + columnDefinition(c));
            }
        }
        if (!s.primaryKey().isEmpty()) {
            lines.add("  PRIMARY KEY (" + columnList(s.primaryKey()) + ")");
        }
        for (IndexDef ix : s.indexes()) {
            lines.add("  " + ix.keyword() + " " + SqlLiterals.identifier(ix.name()) + " (" + keyParts(s, ix) + ")");
        }
        return "CREATE TABLE " + SqlLiterals.identifier(name) + " (\n" + String.join(",\n", lines)
                + "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
                + (s.comment() == null ? "" : " COMMENT=" + SqlLiterals.string(s.comment())) + ";";
    }

    /**
     * The CREATE TABLE of a dump: {@link #createTable} plus the table's foreign keys and CHECK constraints (the
     * dump turns FOREIGN_KEY_CHECKS off, so tables may come in any order).
     */
    public static String createTableForDump(String name, TableSchema s) {
        String plain = createTable(name, s);
        List<String> extra = new ArrayList<>();
        for (var fk : s.foreignKeys()) {
            StringBuilder sb = new StringBuilder("  CONSTRAINT ").append(SqlLiterals.identifier(fk.name()))
                    .append(" FOREIGN KEY (").append(columnList(fk.columns())).append(") REFERENCES ")
                    .append(SqlLiterals.identifier(fk.referencedTable())).append(" (")
                    .append(columnList(fk.referencedColumns())).append(')');
            if (fk.onDelete().printed()) {
                sb.append(" ON DELETE ").append(fk.onDelete().sql());
            }
            if (fk.onUpdate().printed()) {
                sb.append(" ON UPDATE ").append(fk.onUpdate().sql());
            }
            extra.add(sb.toString());
        }
        for (var check : s.checks()) {
            extra.add("  CONSTRAINT " + SqlLiterals.identifier(check.name()) + " CHECK (" + check.expressionSql() + ")"
                    + (check.enforced() ? "" : " /*!80016 NOT ENFORCED */"));
        }
        if (extra.isEmpty()) {
            return plain;
        }
        int close = plain.lastIndexOf("\n) ENGINE=");
        return plain.substring(0, close) + ",\n" + String.join(",\n", extra) + plain.substring(close);
    }

    public static String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(SqlLiterals.identifier(c.name())).append(' ').append(c.type().sqlName());
        if (c.generated()) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generatedSql()).append(c.stored() ? ") STORED" : ") VIRTUAL");
            if (!c.nullable()) {
                sb.append(" NOT NULL");
            }
            return sb.toString();
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        if (c.autoIncrement()) {
            sb.append(" AUTO_INCREMENT");
        } else if (c.defaultSql() != null) {
            sb.append(" DEFAULT ").append(c.defaultSql());
        }
        if (c.comment() != null && !c.comment().isEmpty()) {
            sb.append(" COMMENT ").append(SqlLiterals.string(c.comment()));
        }
        return sb.toString();
    }

    /** An index's key parts: its columns, a functional key part as its expression in parentheses. */
    public static String keyParts(TableSchema s, IndexDef ix) {
        List<String> parts = new ArrayList<>();
        for (String name : ix.columns()) {
            Column hidden = s.column(name).filter(Column::hidden).orElse(null);
            parts.add(hidden != null ? "(" + hidden.generatedSql() + ")" : SqlLiterals.identifier(name));
        }
        return String.join(",", parts);
    }

    public static String columnList(List<String> names) {
        return names.stream().map(SqlLiterals::identifier).collect(Collectors.joining(","));
    }

    public static String renameTable(String from, String to) {
        return "RENAME TABLE " + SqlLiterals.identifier(from) + " TO " + SqlLiterals.identifier(to) + ";";
    }

    public static String dropTable(String name) {
        return "DROP TABLE " + SqlLiterals.identifier(name) + ";";
    }

    /**
     * ALTER TABLE statements that turn the "from" schema into the "to" schema, worded as Dolt's patches are
     * ({@code DROP `c`}, {@code ADD `c` int}, {@code RENAME COLUMN `a` TO `b`} for a rename alone).
     */
    public static List<String> alter(String table, TableSchema to, List<SchemaChange> changes) {
        List<String> out = new ArrayList<>();
        String t = "ALTER TABLE " + SqlLiterals.identifier(table) + " ";
        for (SchemaChange c : changes) {
            switch (c.kind()) {
                case INDEX_DROPPED -> out.add(t + "DROP INDEX " + SqlLiterals.identifier(c.indexBefore().name()) + ";");
                default -> {
                }
            }
        }
        for (SchemaChange c : changes) {
            switch (c.kind()) {
                // a functional key part's hidden column comes and goes with its index
                case COLUMN_DROPPED -> {
                    if (!c.before().hidden()) {
                        out.add(t + "DROP " + SqlLiterals.identifier(c.before().name()) + ";");
                    }
                }
                case COLUMN_ADDED -> {
                    if (!c.after().hidden()) {
                        out.add(t + "ADD " + columnDefinition(c.after()) + ";");
                    }
                }
                case COLUMN_RENAMED -> out.add(c.after().equals(c.before().withName(c.after().name()))
                        ? t + "RENAME COLUMN " + SqlLiterals.identifier(c.before().name()) + " TO "
                            + SqlLiterals.identifier(c.after().name()) + ";"
                        : t + "CHANGE COLUMN " + SqlLiterals.identifier(c.before().name()) + " "
                            + columnDefinition(c.after()) + ";");
                case COLUMN_MODIFIED -> out.add(t + "MODIFY COLUMN " + columnDefinition(c.after()) + ";");
                case PRIMARY_KEY_CHANGED -> {
                    out.add(t + "DROP PRIMARY KEY;");
                    if (!to.primaryKey().isEmpty()) {
                        out.add(t + "ADD PRIMARY KEY (" + columnList(to.primaryKey()) + ");");
                    }
                }
                default -> {
                }
            }
        }
        for (SchemaChange c : changes) {
            if (c.kind() == SchemaChange.Kind.INDEX_ADDED) {
                IndexDef ix = c.indexAfter();
                out.add(t + "ADD " + (ix.unique() ? "UNIQUE INDEX " : ix.fulltext() ? "FULLTEXT INDEX " : "INDEX ") + SqlLiterals.identifier(ix.name())
                        + " (" + keyParts(to, ix) + ");");
            }
        }
        return out;
    }

    public static String insert(String table, TableSchema s, Object[] row) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(SqlLiterals.identifier(table)).append(" (")
                .append(insertColumns(s)).append(") VALUES (");
        appendValues(sb, s, row);
        return sb.append(");").toString();
    }

    /** One multi-row INSERT for a batch of rows (dump). */
    public static String insertMany(String table, TableSchema s, List<Object[]> rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(SqlLiterals.identifier(table)).append(" (")
                .append(insertColumns(s)).append(") VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "(" : ",(");
            appendValues(sb, s, rows.get(i));
            sb.append(')');
        }
        return sb.append(';').toString();
    }

    /** The columns an INSERT names: all but the generated ones, whose values the target computes. */
    private static String insertColumns(TableSchema s) {
        return s.columns().stream().filter(c -> !c.generated()).map(c -> SqlLiterals.identifier(c.name()))
                .collect(Collectors.joining(","));
    }

    private static void appendValues(StringBuilder sb, TableSchema s, Object[] row) {
        boolean first = true;
        for (int i = 0; i < row.length; i++) {
            if (s.columns().get(i).generated()) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(SqlLiterals.literal(row[i], s.columns().get(i).type()));
        }
    }

    /** DELETE of one row: by primary key, or for a keyless table by every column (one copy). */
    public static String delete(String table, TableSchema s, Object[] row) {
        return "DELETE FROM " + SqlLiterals.identifier(table) + " WHERE " + where(s, row)
                + (s.isKeyless() ? " LIMIT 1;" : ";");
    }

    public static String update(String table, TableSchema s, Object[] row, List<String> changedColumns) {
        String set = changedColumns.stream().map(name -> {
            int i = s.columnIndex(name);
            return SqlLiterals.identifier(s.columns().get(i).name()) + "="
                    + SqlLiterals.literal(row[i], s.columns().get(i).type());
        }).collect(Collectors.joining(","));
        return "UPDATE " + SqlLiterals.identifier(table) + " SET " + set + " WHERE " + where(s, row) + ";";
    }

    /**
     * The "to" columns an UPDATE of a changed row sets, matched to the "from" row by name as Dolt's patches match
     * them: a column whose value as text (of its "to" type) differs from the "from" value of the same name (a
     * column the "from" schema lacks counts as NULL there). So a renamed column is set, a dropped one is not, an
     * added one only when its value is not NULL, and a type change alone ({@code 2} to {@code '2'}) sets nothing.
     */
    public static List<String> changedByName(TableSchema from, Object[] before, TableSchema to, Object[] after) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < after.length; i++) {
            Column c = to.columns().get(i);
            if (c.generated()) {
                continue;
            }
            int j = from.columnIndex(c.name());
            Object old = j < 0 ? null : before[j];
            if (!unquoted(SqlLiterals.literal(old, c.type())).equals(unquoted(SqlLiterals.literal(after[i], c.type())))) {
                out.add(c.name());
            }
        }
        return out;
    }

    private static String unquoted(String literal) {
        return literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")
                ? literal.substring(1, literal.length() - 1) : literal;
    }

    private static String where(TableSchema s, Object[] row) {
        List<String> cols = s.isKeyless() ? s.columns().stream().map(Column::name).toList() : s.primaryKey();
        return cols.stream().map(name -> {
            int i = s.columnIndex(name);
            Object v = row[i];
            String id = SqlLiterals.identifier(s.columns().get(i).name());
            return v == null ? id + " IS NULL" : id + "=" + SqlLiterals.literal(v, s.columns().get(i).type());
        }).collect(Collectors.joining(" AND "));
    }
}
