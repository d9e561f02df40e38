package dev.scion.sql.expr;

import dev.scion.sql.expr.json.JsonFunctions;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calls Calcite's grammar parses into its own operators with SQL-standard typing, turned into Scion's MySQL
 * functions before validation: JSON_OBJECT / JSON_ARRAY (JsonFunctions), DATE(x), TIME(x) and TIMESTAMP(x[, t])
 * (Calcite's are BigQuery-style), EXTRACT (ExtractFunction), and TIMESTAMPDIFF / TIMESTAMPADD, whose standard forms refuse strings; MySQL takes
 * '2024-01-01' wherever a datetime goes; {@code %} and MOD() become {@link MySqlRemainder}; {@code a || b} under PIPES_AS_CONCAT becomes CONCAT(a, b); GET_FORMAT's type keyword becomes text; GROUP_CONCAT of several values becomes GROUP_CONCAT of their CONCAT.
 */
public final class MySqlCallRewrites {
    private MySqlCallRewrites() {
    }

    /** The MySQL form of {@code call}, or null when it needs none. */
    public static SqlCall rewrite(SqlCall call) {
        SqlCall json = JsonFunctions.fromStandardSyntax(call);
        if (json != null) {
            return json;
        }
        SqlCall dateArithmetic = stringPlusInterval(call);
        if (dateArithmetic != null) {
            return dateArithmetic;
        }
        SqlOperator op = call.getOperator();
        if ((op.getKind() == org.apache.calcite.sql.SqlKind.MOD || op.getName().equalsIgnoreCase("MOD"))
                && op != MySqlRemainder.OPERATOR && call.operandCount() == 2) {
            return MySqlRemainder.OPERATOR.createCall(call.getParserPosition(), call.getOperandList());
        }
        if (op == dev.scion.sql.parser.MySqlOperators.PIPES_CONCAT) {
            // || under PIPES_AS_CONCAT: the parser kept it binary only for its precedence
            return SqlFunctions.declared("CONCAT").createCall(call.getParserPosition(), call.getOperandList());
        }
        if (op == dev.scion.sql.parser.MySqlOperators.HIGH_NOT) {
            // NOT under HIGH_NOT_PRECEDENCE: the tree already has its grouping
            return org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT.createCall(call.getParserPosition(),
                    call.getOperandList());
        }
        String name = op.getName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "DATE", "TIME", "TIMESTAMP" -> {
                SqlOperator mine = SqlFunctions.declared(name);
                if (mine != null && op != mine && (call.operandCount() == 1
                        || name.equals("TIMESTAMP") && call.operandCount() == 2)) {
                    return mine.createCall(call.getParserPosition(), call.getOperandList());
                }
                return null;
            }
            case "EXTRACT" -> {
                // MySQL's EXTRACT takes numbers and strings too (ExtractFunction); Calcite's only datetimes
                if (call.operandCount() != 2 || !(call.operand(0) instanceof SqlIntervalQualifier unit)) {
                    return null;
                }
                return SqlFunctions.declared("SCION_EXTRACT").createCall(call.getParserPosition(),
                        SqlLiteral.createCharString(extractUnit(unit), unit.getParserPosition()), call.operand(1));
            }
            case "TIMESTAMPDIFF", "TIMESTAMPADD" -> {
                if (call.operandCount() != 3) {
                    return null;
                }
                List<SqlNode> operands = new ArrayList<>(call.getOperandList());
                operands.set(0, SqlLiteral.createCharString(unitName(operands.get(0)),
                        operands.get(0).getParserPosition()));
                return SqlFunctions.declared("SCION_" + name).createCall(call.getParserPosition(), operands);
            }
            case "GET_FORMAT" -> {
                // GET_FORMAT(DATE, 'EUR'): its first argument is a type keyword, which parses as a column name
                if (call.operandCount() != 2
                        || !(call.operand(0) instanceof org.apache.calcite.sql.SqlIdentifier kind && kind.isSimple())) {
                    return null;
                }
                return SqlFunctions.declared("GET_FORMAT").createCall(call.getParserPosition(),
                        SqlLiteral.createCharString(kind.getSimple().toUpperCase(Locale.ROOT),
                                kind.getParserPosition()), call.operand(1));
            }
            case "GROUP_CONCAT" -> {
                // GROUP_CONCAT(a, b, ...) joins each row's values with nothing between them (a row with a NULL is
                // skipped): the values become one CONCAT, which Calcite's one-value GROUP_CONCAT takes
                List<SqlNode> values = new ArrayList<>();
                List<SqlNode> rest = new ArrayList<>(); // the ORDER BY list and the SEPARATOR, kept as they are
                for (SqlNode o : call.getOperandList()) {
                    if (o instanceof org.apache.calcite.sql.SqlNodeList
                            || o instanceof SqlCall c && c.getKind() == org.apache.calcite.sql.SqlKind.SEPARATOR) {
                        rest.add(o);
                    } else {
                        values.add(o);
                    }
                }
                if (values.size() < 2) {
                    return null;
                }
                List<SqlNode> operands = new ArrayList<>();
                operands.add(SqlFunctions.declared("CONCAT").createCall(call.getParserPosition(), values));
                operands.addAll(rest);
                return op.createCall(call.getFunctionQuantifier(), call.getParserPosition(), operands);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code x + INTERVAL n unit}, {@code INTERVAL n unit + x} and {@code x - INTERVAL n unit} are MySQL's
     * spellings of DATE_ADD / DATE_SUB, and become those calls: Calcite's + refuses a string operand
     * ({@code '2037-10-16 23:59:00' + INTERVAL 2 DAY}) and its datetime + interval is not date arithmetic in
     * Scion's evaluator. DATE_ADD also keeps MySQL's result types (a string for a string, a DATE for a DATE and
     * whole days).
     */
    private static SqlCall stringPlusInterval(SqlCall call) {
        org.apache.calcite.sql.SqlKind kind = call.getKind();
        if (call.operandCount() != 2 || kind != org.apache.calcite.sql.SqlKind.PLUS
                && kind != org.apache.calcite.sql.SqlKind.MINUS) {
            return null;
        }
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        if (kind == org.apache.calcite.sql.SqlKind.PLUS && isInterval(left) && !isInterval(right)) {
            SqlNode t = left;
            left = right;
            right = t;
        }
        if (!isInterval(right) || isInterval(left)) {
            return null;
        }
        SqlOperator fn = SqlFunctions.declared(kind == org.apache.calcite.sql.SqlKind.PLUS ? "DATE_ADD" : "DATE_SUB");
        return fn == null ? null : fn.createCall(call.getParserPosition(), left, right);
    }

    private static boolean isInterval(SqlNode n) {
        return n instanceof org.apache.calcite.sql.SqlIntervalLiteral
                || n instanceof SqlCall c && c.getKind() == org.apache.calcite.sql.SqlKind.INTERVAL;
    }

    /** MySQL's name of an EXTRACT unit: YEAR_MONTH for Calcite's YEAR TO MONTH, DAY_SECOND for DAY TO SECOND. */
    private static String extractUnit(SqlIntervalQualifier q) {
        if (q.timeFrameName != null) {
            return q.timeFrameName.toUpperCase(Locale.ROOT);
        }
        return q.timeUnitRange.name().replace("_TO_", "_");
    }

    private static String unitName(SqlNode unit) {
        if (unit instanceof SqlIntervalQualifier q) {
            return q.timeUnitRange.startUnit.name();
        }
        if (unit instanceof SqlLiteral lit && lit.getValue() != null) {
            return lit.getValue().toString();
        }
        return unit.toString();
    }
}
