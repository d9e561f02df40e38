package dev.scion.sql.plan;

import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.Expr;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowExpressionsTest {
    private static final List<RowExpressions.Field> FIELDS = List.of(
            new RowExpressions.Field("a", (f, n) -> f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), true)),
            new RowExpressions.Field("s", (f, n) -> f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, 20), true)),
            new RowExpressions.Field("m", (f, n) -> f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, 6, 2), true)));

    private static Object eval(String sql, Object... row) {
        Optional<Expr> e = RowExpressions.compile(sql, FIELDS);
        assertTrue(e.isPresent(), sql + " should compile");
        return e.get().eval(row, new ExecContext(null));
    }

    @Test
    void readsTheRowByPosition() {
        assertEquals("x-5", eval("CONCAT(s, '-', a)", 5L, "x", null));
        assertEquals("X", eval("UPPER(s)", 5L, "x", null));
        assertEquals(0, new BigDecimal("3.750").compareTo((BigDecimal) eval("m * 1.5", 1L, "x", new BigDecimal("2.50"))));
        assertNull(eval("CONCAT(s, a)", null, "x", null));
    }

    @Test
    void conditionsAreOneOrZero() {
        assertEquals(1L, eval("a > 3 AND s LIKE 'x%'", 5L, "xy", null));
        assertEquals(0L, eval("a > 3", 2L, "xy", null));
    }

    @Test
    void refusesWhatTheRowCannotAnswer() {
        assertTrue(RowExpressions.compile("(SELECT 1)", FIELDS).isEmpty());
        assertTrue(RowExpressions.compile("nosuchcolumn + 1", FIELDS).isEmpty());
        assertTrue(RowExpressions.compile("SUM(a)", FIELDS).isEmpty());
    }
}
