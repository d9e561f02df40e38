package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.NlsString;

import java.util.List;

/**
 * MySQL compares {@code x IN (a, b)} pair by pair, each by its own types, where Calcite gives the whole list one
 * type and refuses a list it cannot: so {@code 'abc' IN (0, 'xyz')} is true in MySQL (the string is 0 next to a
 * number) and {@code 1 IN (NULL >= 1)} is NULL. A list that mixes number and string literals, or holds a
 * comparison, is written as the comparisons it stands for: {@code x = a OR x = b} (NOT IN: its negation), the same
 * truth value, NULLs included.
 */
final class MixedInLists {
    private MixedInLists() {
    }

    /** The comparisons {@code in} stands for when its list is such a list, else null. */
    static SqlNode expanded(SqlCall in) {
        if ((in.getKind() != SqlKind.IN && in.getKind() != SqlKind.NOT_IN) || in.operandCount() != 2
                || !(in.operand(1) instanceof SqlNodeList list) || list.isEmpty()
                || in.operand(0) instanceof SqlNodeList || !mixed(list.getList())) {
            return null;
        }
        SqlNode x = in.operand(0);
        SqlNode any = null;
        for (SqlNode item : list) {
            SqlNode eq = new SqlBasicCall(SqlStdOperatorTable.EQUALS,
                    new SqlNode[] {SqlDeepCopy.of(x), item}, in.getParserPosition());
            any = any == null ? eq
                    : new SqlBasicCall(SqlStdOperatorTable.OR, new SqlNode[] {any, eq}, in.getParserPosition());
        }
        return in.getKind() == SqlKind.IN ? any
                : new SqlBasicCall(SqlStdOperatorTable.NOT, new SqlNode[] {any}, in.getParserPosition());
    }

    private static boolean mixed(List<SqlNode> items) {
        boolean numbers = false;
        boolean strings = false;
        for (SqlNode item : items) {
            if (item.getKind().belongsTo(SqlKind.COMPARISON)) {
                return true;
            }
            if (item instanceof SqlLiteral l) {
                numbers |= l.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC;
                strings |= l.getValue() instanceof NlsString;
            }
        }
        return numbers && strings;
    }
}
