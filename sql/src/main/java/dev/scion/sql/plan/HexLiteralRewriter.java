package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.BitString;

import java.nio.charset.StandardCharsets;

/**
 * Turns hexadecimal literals ({@code x'303132'}) in a query into the character strings they spell. MySQL treats
 * such a literal as a string that converts to a number where one is needed ({@code x'303132' IN (SELECT int_col
 * ...)}); Calcite's validator rejects BINARY against numeric types outright. Bytes map one to one onto characters
 * (ISO-8859-1) so nothing is lost. Known gap: in a numeric comparison MySQL reads the literal as an unsigned
 * integer (x'41' = 65), while the rewritten string converts by its digits ('012' = 12).
 */
final class HexLiteralRewriter extends SqlShuttle {
    static final HexLiteralRewriter INSTANCE = new HexLiteralRewriter();

    private HexLiteralRewriter() {
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal.getTypeName() == SqlTypeName.BINARY && literal.getValue() instanceof BitString bits) {
            String text = new String(bits.getAsByteArray(), StandardCharsets.ISO_8859_1);
            return SqlLiteral.createCharString(text, literal.getParserPosition());
        }
        return literal;
    }
}
