package dev.scion.sql.fulltext;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * {@code SCION_MATCH_AGAINST('mode', search, col, ...)}, the parsed form of {@code MATCH (col, ...) AGAINST
 * (search [modifier])}: a row's full-text relevance, a DOUBLE that is never NULL (0 when nothing matches). It is
 * printed back in MySQL's spelling.
 */
public final class MatchAgainstOperator extends SqlFunction {
    public static final String NAME = "SCION_MATCH_AGAINST";

    public MatchAgainstOperator() {
        super(NAME, SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE, null, OperandTypes.VARIADIC,
                SqlFunctionCategory.SYSTEM);
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        writer.keyword("MATCH");
        SqlWriter.Frame cols = writer.startList("(", ")");
        for (int i = 2; i < call.operandCount(); i++) {
            writer.sep(",");
            call.operand(i).unparse(writer, 0, 0);
        }
        writer.endList(cols);
        writer.keyword("AGAINST");
        SqlWriter.Frame search = writer.startList("(", ")");
        call.operand(1).unparse(writer, 0, 0);
        SearchMode mode = call.operand(0) instanceof SqlLiteral l
                ? SearchMode.of(l.getValueAs(String.class)) : SearchMode.NATURAL;
        if (mode != SearchMode.NATURAL) {
            writer.keyword(mode.sql());
        }
        writer.endList(search);
    }
}
