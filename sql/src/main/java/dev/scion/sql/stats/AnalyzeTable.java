package dev.scion.sql.stats;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.privilege.AccessChecks;
import dev.scion.sql.privilege.Privilege;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ANALYZE TABLE t [, t ...]: collects each table's index statistics (see {@link StatisticsStore}) and answers as
 * MySQL does, one (Table, Op, Msg_type, Msg_text) row per table; a missing table is an Error row followed by
 * "Operation failed", not a statement error, so the other tables are still analysed.
 */
public final class AnalyzeTable implements AdminStatement {
    private final List<String> tables;

    public AnalyzeTable(String tableList) {
        this.tables = splitList(tableList);
    }

    @Override
    public StatementResult execute(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (String qualified : tables) {
            String[] name = split(qualified);
            Optional<DatabaseState> db = name[0] == null ? Optional.of(session.current())
                    : session.findDatabase(name[0]);
            String database = db.map(DatabaseState::name).orElse(name[0]);
            String label = database + "." + name[1];
            if (db.isPresent()) {
                // MySQL wants SELECT and INSERT on the table; checked before existence so names cannot be probed
                AccessChecks.requireTable(session, Privilege.SELECT, db.get().databaseName(), name[1]);
                AccessChecks.requireTable(session, Privilege.INSERT, db.get().databaseName(), name[1]);
            }
            Optional<String> stored = db.flatMap(d -> d.workingRoot().resolveName(name[1]));
            if (stored.isEmpty()) {
                rows.add(new Object[] {label, "analyze", "Error", "Table '" + label + "' doesn't exist"});
                rows.add(new Object[] {label, "analyze", "status", "Operation failed"});
                continue;
            }
            DatabaseState d = db.get();
            StatisticsStore.of(d.repo()).analyze(d.buffer(), stored.get(), d.workingRoot().tableHash(stored.get()),
                    d.repo());
            rows.add(new Object[] {database + "." + stored.get(), "analyze", "status", "OK"});
        }
        return new StatementResult.Rows(List.of(ResultColumn.text("Table"), ResultColumn.text("Op"),
                ResultColumn.text("Msg_type"), ResultColumn.text("Msg_text")), RowStream.of(rows));
    }

    /** The comma-separated table names, commas inside back quotes kept. */
    static List<String> splitList(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : list.strip().replaceFirst(";\\s*$", "").toCharArray()) {
            if (c == '`') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /** {@code db.t}, {@code `d`.`t`} or {@code t} as database (or null) and table. */
    private static String[] split(String qualified) {
        String[] parts = qualified.split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)");
        return parts.length == 2 ? new String[] {Identifiers.unquote(parts[0].strip()),
            Identifiers.unquote(parts[1].strip())} : new String[] {null, Identifiers.unquote(qualified)};
    }
}
