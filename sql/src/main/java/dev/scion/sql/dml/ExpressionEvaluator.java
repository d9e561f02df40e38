package dev.scion.sql.dml;

import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.Values;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

import java.math.BigDecimal;
import java.util.List;

/** Evaluates standalone expressions (VALUES rows, SET values, defaults): literals directly, others by planning. */
public final class ExpressionEvaluator {
    private ExpressionEvaluator() {
    }

    /** Evaluates expressions that reference no table. */
    public static Object[] evaluate(Session session, List<SqlNode> exprs, String sql) {
        Object[] out = new Object[exprs.size()];
        boolean allLiteral = true;
        for (int i = 0; i < out.length; i++) {
            SqlNode e = exprs.get(i);
            Object v = literal(e);
            if (v == NOT_LITERAL) {
                allLiteral = false;
                break;
            }
            out[i] = v;
        }
        if (allLiteral) {
            return out;
        }
        SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, new SqlNodeList(exprs, SqlParserPos.ZERO), null, null,
                null, null, null, null, null, null, null);
        QueryPlanner.Plan plan = QueryPlanner.plan(session, select, sql);
        try (RowStream rows = plan.root().open(new ExecContext(session))) {
            Object[] r = rows.next();
            for (int i = 0; i < out.length; i++) {
                Object v = r[i];
                out[i] = v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
            }
        }
        return out;
    }

    static final Object NOT_LITERAL = new Object();

    /** The value of a plain literal (optionally negated), or NOT_LITERAL. */
    public static Object literal(SqlNode e) {
        if (e instanceof SqlLiteral lit) {
            Object v = lit.getValue();
            if (v == null) {
                return null;
            }
            if (v instanceof NlsString s) {
                return s.getValue();
            }
            if (v instanceof BigDecimal d) {
                if (lit.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.DOUBLE) {
                    return d.doubleValue();
                }
                return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? (Object) d.longValue() : d;
            }
            if (v instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (v instanceof org.apache.calcite.util.BitString bits) {
                // X'..' / 0x.. as a value: its bytes (a BLOB keeps them exactly)
                return dev.scion.sql.parser.MySqlLiterals.bytesOf(bits);
            }
            return NOT_LITERAL;
        }
        if (e.getKind() == SqlKind.MINUS_PREFIX) {
            Object inner = literal(((org.apache.calcite.sql.SqlCall) e).operand(0));
            if (inner == NOT_LITERAL || inner == null) {
                return inner;
            }
            return Values.negate(inner);
        }
        return NOT_LITERAL;
    }
}
