package dev.scion.sql.plan;

import java.util.Locale;
import java.util.Set;

import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;

/**
 * {@code SELECT SQL_CALC_FOUND_ROWS ... LIMIT n}: FOUND_ROWS() then reports how many rows the query would have
 * returned without its LIMIT (MySQL). The modifier counts only on the outermost SELECT, which is where the statement
 * starts; the parser accepts it anywhere and ignores it.
 */
public final class CalcFoundRows {
    private CalcFoundRows() {
    }

    /** The other modifiers that may stand between SELECT and SQL_CALC_FOUND_ROWS. */
    private static final Set<String> MODIFIERS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY",
            "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE", "SQL_CACHE");

    /** Whether the statement's outermost SELECT carries SQL_CALC_FOUND_ROWS. */
    public static boolean requested(String statement) {
        if (!mentions(statement)) {
            return false; // the usual case, read for every SELECT: no copies, no regular expression
        }
        String[] words = statement.stripLeading().replace("(", " ").split("\\s+", 12);
        if (words.length < 2 || !words[0].equalsIgnoreCase("SELECT")) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            String w = words[i].toUpperCase(Locale.ROOT);
            if (w.equals("SQL_CALC_FOUND_ROWS")) {
                return true;
            }
            if (!MODIFIERS.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static final String MODIFIER = "SQL_CALC_FOUND_ROWS";

    private static boolean mentions(String statement) {
        for (int i = 0; i + MODIFIER.length() <= statement.length(); i++) {
            char c = statement.charAt(i);
            if ((c == 'S' || c == 's') && statement.regionMatches(true, i, MODIFIER, 0, MODIFIER.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code rows} (the query's own result), reporting as its found rows the count of {@code unlimited}'s rows:
     * the same query parsed afresh, whose LIMIT and OFFSET are dropped here. A query without LIMIT is returned as
     * it is, since its rows are all found.
     */
    public static StatementResult.Rows counted(Session session, SqlNode unlimited, String sql,
            StatementResult.Rows rows) {
        if (!(unlimited instanceof SqlOrderBy orderBy) || orderBy.fetch == null && orderBy.offset == null) {
            return rows;
        }
        long found = 0;
        try (RowStream all = QueryPlanner.plan(session, orderBy.query, sql).root().open(new ExecContext(session))) {
            while (all.next() != null) {
                found++;
            }
        }
        return new StatementResult.Rows(rows.columns(), new Counted(rows.rows(), found));
    }

    /** Rows that know how many rows their query found (see {@link dev.scion.sql.session.StatementCounts}). */
    public record Counted(RowStream rows, long found) implements RowStream {
        @Override
        public Object[] next() {
            return rows.next();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
