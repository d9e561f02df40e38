package dev.scion.sql.admin;

import dev.scion.sql.catalog.ColumnFacts;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * SHOW [EXTENDED] [FULL] COLUMNS FROM t [FROM db] [LIKE | WHERE], and DESCRIBE t [column]. EXTENDED adds the hidden
 * columns of functional key parts, which are otherwise left out.
 */
final class ShowColumns implements AdminStatement {
    private final boolean full;
    private final boolean extended;
    private final String database;
    private final String table;
    private final ShowFilter filter;
    /** The revision of {@code DESCRIBE t AS OF revision} as written, or null. */
    private final String asOf;

    ShowColumns(boolean full, boolean extended, String database, String table, ShowFilter filter) {
        this(full, extended, database, table, filter, null);
    }

    private ShowColumns(boolean full, boolean extended, String database, String table, ShowFilter filter,
            String asOf) {
        this.full = full;
        this.extended = extended;
        this.database = database;
        this.table = table;
        this.filter = filter;
        this.asOf = asOf;
    }

    /** DESCRIBE {@code [db.]t AS OF revision} (Dolt's extension): the columns t had at that revision. */
    static ShowColumns describeAsOf(String qualified, String revision) {
        String[] parts = TableLookup.split(qualified);
        return new ShowColumns(false, false, parts[0], parts[1], ShowFilter.NONE, revision);
    }

    /** DESCRIBE / DESC / EXPLAIN {@code [db.]t [column-pattern]}. */
    static ShowColumns describe(String qualified, String column) {
        String[] parts = TableLookup.split(qualified);
        return new ShowColumns(false, false, parts[0], parts[1],
                column == null ? ShowFilter.NONE : new ShowFilter(Identifiers.unquote(column), null));
    }

    @Override
    public StatementResult execute(Session session) {
        String database = asOf == null ? this.database : AsOfDatabase.of(session, this.database, asOf,
                "invalid ref spec", () -> dev.scion.sql.error.SqlError.noSuchTable(this.database == null
                        ? session.current().name() : session.database(this.database).name(), table));
        TableSchema schema = ViewColumns.of(session, database, table)
                .orElseGet(() -> TableLookup.of(session, database, table).value().schema());
        List<Object[]> rows = new ArrayList<>();
        for (Column c : schema.columns()) {
            if (c.hidden() && !extended) {
                continue;
            }
            String collation = ColumnFacts.isText(c.type())
                    ? dev.scion.sql.catalog.Collations.effective(c.type().collation()) : null;
            String nullable = c.nullable() ? "YES" : "NO";
            String key = ColumnFacts.key(schema, c);
            String def = ColumnFacts.defaultText(c);
            String extra = c.hidden() ? "" : ColumnFacts.extra(c); // as go-mysql-server shows a hidden column
            rows.add(full
                    ? new Object[] {c.name(), c.type().sqlName(), collation, nullable, key, def, extra,
                        "select,insert,update,references", c.comment() == null ? "" : c.comment()}
                    : new Object[] {c.name(), c.type().sqlName(), nullable, key, def, extra});
        }
        List<String> columns = full
                ? List.of("Field", "Type", "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment")
                : List.of("Field", "Type", "Null", "Key", "Default", "Extra");
        return filter.result(session, columns, rows);
    }
}
