package dev.scion.sql.admin;

import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** SHOW CREATE TABLE: the DDL that recreates the table in MySQL. */
final class ShowCreateTable implements AdminStatement {
    private final String database;
    private final String table;

    private ShowCreateTable(String database, String table) {
        this.database = database;
        this.table = table;
    }

    static ShowCreateTable of(String qualified) {
        String[] parts = TableLookup.split(qualified);
        return new ShowCreateTable(parts[0], parts[1]);
    }

    static String ddl(String name, TableSchema s) {
        return ddl(name, s, 0);
    }

    static String ddl(String name, TableSchema s, long autoIncrement) {
        List<String> lines = new ArrayList<>();
        for (Column c : s.columns()) {
            StringBuilder sb = new StringBuilder("  `").append(c.name()).append("` ").append(c.type().sqlName());
            if (c.generated()) {
                // MySQL's form: GENERATED ALWAYS AS (<generation expression>) VIRTUAL|STORED [NOT NULL]
                sb.append(" GENERATED ALWAYS AS (").append(dev.scion.sql.catalog.ColumnFacts.generationExpression(c))
                        .append(c.stored() ? ") STORED" : ") VIRTUAL");
                if (!c.nullable()) {
                    sb.append(" NOT NULL");
                }
                if (c.comment() != null) {
                    sb.append(" COMMENT '").append(c.comment().replace("\\", "\\\\").replace("'", "''")).append('\'');
                }
                lines.add(sb.toString());
                continue;
            }
            if (!c.nullable()) {
                sb.append(" NOT NULL");
            }
            if (c.autoIncrement()) {
                sb.append(" AUTO_INCREMENT");
            } else if (c.defaultSql() != null) {
                sb.append(" DEFAULT ").append(c.defaultSql());
            } else if (c.nullable()) {
                sb.append(" DEFAULT NULL");
            }
            if (c.comment() != null) {
                sb.append(" COMMENT '").append(c.comment().replace("\\", "\\\\").replace("'", "''")).append('\'');
            }
            lines.add(sb.toString());
        }
        if (!s.primaryKey().isEmpty()) {
            lines.add("  PRIMARY KEY (" + s.primaryKey().stream().map(k -> "`" + k + "`").collect(Collectors.joining(","))
                    + ")");
        }
        for (IndexDef ix : s.indexes()) {
            lines.add("  " + (ix.unique() ? "UNIQUE KEY" : "KEY") + " `" + ix.name() + "` ("
                    + ix.columns().stream().map(k -> "`" + k + "`").collect(Collectors.joining(",")) + ")");
        }
        for (var fk : s.foreignKeys()) {
            lines.add("  " + dev.scion.sql.dml.ForeignKeys.definition(fk));
        }
        for (var check : s.checks()) {
            lines.add("  CONSTRAINT `" + check.name() + "` CHECK (" + check.expressionSql() + ")");
        }
        return "CREATE TABLE `" + name + "` (\n" + String.join(",\n", lines)
                + "\n) ENGINE=InnoDB" + (autoIncrement > 1 ? " AUTO_INCREMENT=" + autoIncrement : "")
                + " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin";
    }

    @Override
    public StatementResult execute(Session session) {
        var system = ViewColumns.of(session, database, table)
                .filter(x -> dev.scion.sql.catalog.Views.definition(database == null ? session.current() : session.database(database),
                        table).isEmpty());
        if (system.isPresent()) {
            // a system table: its columns as a table definition, so tools that introspect tables work on it
            return new StatementResult.Rows(List.of(ResultColumn.text("Table"), ResultColumn.text("Create Table")),
                    RowStream.of(List.<Object[]>of(new Object[] {table, ddl(table, system.get(), 0)})));
        }
        TableLookup t = TableLookup.of(session, database, table);
        long ai = t.value().schema().autoIncrementColumn().isPresent() ? t.value().autoIncrement() : 0;
        return new StatementResult.Rows(List.of(ResultColumn.text("Table"), ResultColumn.text("Create Table")),
                RowStream.of(List.<Object[]>of(new Object[] {t.stored(), ddl(t.stored(), t.value().schema(), ai)})));
    }
}
