package dev.scion.sql.expr;

import dev.scion.sql.catalog.Charsets;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * CHARSET(x), COLLATION(x) and COERCIBILITY(x): what MySQL reports of the argument's type, fixed when the query is
 * planned. Text has its collation (a column's, an explicit COLLATE's, else the default utf8mb4_0900_bin, which
 * literals also have: they do not take collation_connection) and its character set; anything else is 'binary'.
 * Coercibility is MySQL's scale: 0 explicit COLLATE, 2 a column or an expression over one, 3 a system constant
 * (USER(), DATABASE(), VERSION()), 4 a string literal, 5 a number or temporal value, 6 NULL.
 */
final class CollationFunctions {
    private static final String BINARY = "binary";

    private CollationFunctions() {
    }

    /** The evaluator of {@code name}, or null when it is none of these three. */
    static Expr compile(String name, RexCall call) {
        if (call.getOperands().size() != 1) {
            return null;
        }
        RexNode arg = call.getOperands().get(0);
        // a hex, bit or _binary literal is typed as text for the validator but is a binary string
        boolean bytes = arg instanceof RexCall c && c.getOperator() == SqlFunctions.BYTES_LITERAL;
        Object value = switch (name) {
            case "CHARSET" -> bytes ? BINARY : charset(arg.getType());
            case "COLLATION" -> bytes ? BINARY : collation(arg.getType());
            case "COERCIBILITY" -> coercibility(arg);
            default -> null;
        };
        return value == null ? null : (row, ctx) -> value;
    }

    private static String collation(RelDataType type) {
        if (!SqlTypeUtil.inCharFamily(type)) {
            return BINARY;
        }
        String named = TextCollation.of(type);
        return named != null ? named : Charsets.DEFAULT_COLLATION;
    }

    private static String charset(RelDataType type) {
        if (!SqlTypeUtil.inCharFamily(type)) {
            return BINARY;
        }
        String collation = collation(type);
        return Charsets.COLLATIONS.stream().filter(c -> c.name().equals(collation)).map(Charsets.Collation::charset)
                .findFirst().orElse(Charsets.DEFAULT_CHARSET);
    }

    private static long coercibility(RexNode arg) {
        RexNode cur = arg;
        while (cur.isA(SqlKind.CAST)) {
            cur = ((RexCall) cur).getOperands().get(0);
        }
        if (cur instanceof RexLiteral lit && lit.isNull()) {
            return 6;
        }
        RelDataType type = arg.getType();
        if (!SqlTypeUtil.inCharFamily(type)) {
            return 5;
        }
        if (cur instanceof RexCall c && c.getOperator() instanceof dev.scion.sql.parser.SqlCollateOperator) {
            return 0;
        }
        if (cur instanceof RexLiteral || cur instanceof RexDynamicParam) {
            return 4;
        }
        if (cur instanceof RexCall c && isSystemConstant(c.getOperator().getName())) {
            return 3;
        }
        return cur instanceof RexInputRef || cur instanceof RexCall ? 2 : 4;
    }

    private static boolean isSystemConstant(String function) {
        return switch (function.toUpperCase(java.util.Locale.ROOT)) {
            case "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "DATABASE", "SCHEMA", "VERSION" -> true;
            default -> false;
        };
    }
}
