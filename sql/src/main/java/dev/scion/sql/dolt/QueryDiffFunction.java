package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ColumnKind;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * dolt_query_diff(query1, query2): the rows that differ between two SELECTs' results, as from_ columns (query1's),
 * to_ columns (query2's) and diff_type. Rows are matched by the primary key the result columns carry when both
 * results carry the same one, so a row whose other columns changed is one "modified" row; without a shared key a
 * row is matched only by all its values (so it is "deleted" from one side and "added" to the other). Both results
 * are materialised: the function is for comparing query answers, not whole large tables.
 */
final class QueryDiffFunction implements SystemTable {
    static final String NAME = "dolt_query_diff";

    private final List<ResultColumn> fromColumns;
    private final List<ResultColumn> toColumns;
    private final List<Object[]> rows;

    private QueryDiffFunction(List<ResultColumn> fromColumns, List<ResultColumn> toColumns, List<Object[]> rows) {
        this.fromColumns = fromColumns;
        this.toColumns = toColumns;
        this.rows = rows;
    }

    static QueryDiffFunction create(Session session, List<String> args) {
        if (args.size() != 2) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "function '" + NAME + "' expected 2 arguments, "
                    + args.size() + " received");
        }
        Result from = run(session, args.get(0));
        Result to = run(session, args.get(1));
        int[] key = sharedKey(from.columns(), to.columns());
        Comparator<Object[]> byKey = (a, b) -> compareAt(a, b, key);
        Comparator<Object[]> order = byKey.thenComparing(QueryDiffFunction::compareAll);
        from.rows().sort(order);
        to.rows().sort(order);
        List<Object[]> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < from.rows().size() || j < to.rows().size()) {
            Object[] f = i < from.rows().size() ? from.rows().get(i) : null;
            Object[] t = j < to.rows().size() ? to.rows().get(j) : null;
            int c = f == null ? 1 : t == null ? -1 : byKey.compare(f, t);
            if (c == 0) {
                if (compareAll(f, t) != 0) {
                    out.add(row(f, t, from.columns().size(), to.columns().size(), "modified"));
                }
                i++;
                j++;
            } else if (c < 0) {
                out.add(row(f, null, from.columns().size(), to.columns().size(), "deleted"));
                i++;
            } else {
                out.add(row(null, t, from.columns().size(), to.columns().size(), "added"));
                j++;
            }
        }
        return new QueryDiffFunction(from.columns(), to.columns(), out);
    }

    private record Result(List<ResultColumn> columns, List<Object[]> rows) {
    }

    private static Result run(Session session, String query) {
        String q = query == null ? "" : query.strip();
        while (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        if (q.isEmpty() || isStatementKeyword(q.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT))) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "query must be a SELECT statement");
        }
        StatementResult r = session.engine().executeNested(session, q);
        if (!(r instanceof StatementResult.Rows rs)) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "query must be a SELECT statement");
        }
        List<Object[]> rows = new ArrayList<>();
        try (RowStream s = rs.rows()) {
            for (Object[] row = s.next(); row != null; row = s.next()) {
                Object[] copy = new Object[rs.columns().size()];
                for (int k = 0; k < copy.length; k++) {
                    copy[k] = normalise(rs.columns().get(k), row[k]);
                }
                rows.add(copy);
            }
        }
        return new Result(rs.columns(), rows);
    }

    /** Words that start a statement other than a query: such a text is refused before anything runs. */
    private static boolean isStatementKeyword(String word) {
        return switch (word) {
            case "create", "drop", "alter", "insert", "update", "delete", "replace", "call", "set", "use", "truncate",
                 "rename", "grant", "revoke", "start", "begin", "commit", "rollback", "lock", "unlock", "load",
                 "show", "describe", "desc", "explain", "analyze", "optimize", "flush", "kill", "do", "handler",
                 "prepare", "execute", "deallocate" -> true;
            default -> false;
        };
    }

    /** Positions of the primary-key columns both results carry in the same order, else every position. */
    private static int[] sharedKey(List<ResultColumn> a, List<ResultColumn> b) {
        List<Integer> ka = keyPositions(a);
        List<Integer> kb = keyPositions(b);
        boolean same = !ka.isEmpty() && ka.equals(kb) && ka.stream()
                .allMatch(p -> a.get(p).name().equalsIgnoreCase(b.get(p).name()));
        if (same) {
            return ka.stream().mapToInt(Integer::intValue).toArray();
        }
        int n = Math.min(a.size(), b.size());
        int[] all = new int[n];
        Arrays.setAll(all, k -> k);
        return all;
    }

    private static List<Integer> keyPositions(List<ResultColumn> cols) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < cols.size(); k++) {
            if (cols.get(k).primaryKey()) {
                out.add(k);
            }
        }
        return out;
    }

    private static int compareAt(Object[] a, Object[] b, int[] positions) {
        for (int p : positions) {
            int c = compareValues(a[p], b[p]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareAll(Object[] a, Object[] b) {
        for (int k = 0; k < Math.min(a.length, b.length); k++) {
            int c = compareValues(a[k], b[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** NULL first; numbers by value; everything else (already text) as text. */
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static Object[] row(Object[] from, Object[] to, int fromWidth, int toWidth, String type) {
        Object[] r = new Object[fromWidth + toWidth + 1];
        if (from != null) {
            System.arraycopy(from, 0, r, 0, fromWidth);
        }
        if (to != null) {
            System.arraycopy(to, 0, r, fromWidth, toWidth);
        }
        r[r.length - 1] = type;
        return r;
    }

    private enum Shown { INTEGER, DECIMAL, DOUBLE, TEXT }

    /** How a result column is shown here: whole numbers, exact decimals, floating point, or text. */
    private static Shown shown(ResultColumn c) {
        return switch (c.kind()) {
            case TINY, SHORT, INT24, LONG, YEAR -> Shown.INTEGER;
            case LONGLONG -> c.unsigned() ? Shown.DECIMAL : Shown.INTEGER;
            case NEWDECIMAL -> Shown.DECIMAL;
            case FLOAT, DOUBLE -> Shown.DOUBLE;
            default -> Shown.TEXT;
        };
    }

    private static Object normalise(ResultColumn c, Object v) {
        if (v == null) {
            return null;
        }
        return switch (shown(c)) {
            case INTEGER -> v instanceof Number n ? (Object) n.longValue() : Long.valueOf(String.valueOf(v));
            case DECIMAL -> new BigDecimal(v.toString());
            case DOUBLE -> v instanceof Number n ? (Object) n.doubleValue() : Double.valueOf(String.valueOf(v));
            case TEXT -> v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                    : v instanceof LocalDateTime t ? t.toString().replace('T', ' ') : String.valueOf(v);
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (ResultColumn c : fromColumns) {
            b.add("from_" + c.name(), type(f, c));
        }
        for (ResultColumn c : toColumns) {
            b.add("to_" + c.name(), type(f, c));
        }
        b.add("diff_type", Columns.text(f, 20));
        return b.uniquify().build();
    }

    private static RelDataType type(RelDataTypeFactory f, ResultColumn c) {
        RelDataType t = switch (shown(c)) {
            case INTEGER -> f.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, 65, Math.min(30, Math.max(0, c.decimals())));
            case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            case TEXT -> f.createSqlType(SqlTypeName.VARCHAR, 65535);
        };
        return f.createTypeWithNullability(t, true);
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        return RowStream.of(rows);
    }
}
