package dev.scion.sql.plan;

import dev.scion.sql.expr.NumberText;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

import java.math.BigDecimal;

/**
 * A string literal compared with a number that reads as a number as a whole is that number: {@code int_pk = '5'}
 * compares with 5 and stays a key lookup (MySQL converts such a constant to the column's type too), and
 * {@code '2.5' = 3} compares 2.5 with 3, the answer of MySQL's DOUBLE comparison. Casting the string to the other
 * side's type, as Calcite does, made {@code '2.5' = 3} true. Strings that are not numbers as a whole are compared
 * as DOUBLE instead ({@link MySqlTypeCoercion}), where the cast warns.
 */
final class NumericStringLiterals {
    /** Beyond this many digits an exact literal could exceed DECIMAL's precision; such text compares as DOUBLE. */
    private static final int MAX_DIGITS = 38;
    private static final int MAX_SCALE = 30;

    private NumericStringLiterals() {
    }

    /** The number literal {@code node} reads as, or null when it is no string literal of a whole number. */
    static SqlLiteral asNumber(SqlNode node) {
        if (!(node instanceof SqlCharStringLiteral literal) || literal.getCollation() != null) {
            return null;
        }
        NlsString nls = literal.getValueAs(NlsString.class);
        if (nls.getCharsetName() != null && nls.getCharsetName().toLowerCase().contains("binary")) {
            return null; // _binary'5' is bytes
        }
        String text = nls.getValue().strip();
        if (!NumberText.isNumber(text)) {
            return null;
        }
        SqlParserPos pos = node.getParserPosition();
        if (NumberText.hasExponent(text)) {
            return Double.isFinite(Double.parseDouble(text)) ? SqlLiteral.createApproxNumeric(text, pos) : null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.precision() > MAX_DIGITS || value.scale() > MAX_SCALE) {
            return null;
        }
        return SqlLiteral.createExactNumeric(value.toPlainString(), pos);
    }
}
