package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.BitString;

import java.nio.charset.StandardCharsets;

/**
 * MySQL literal and type spellings Calcite's validator does not take, rewritten before validation.
 *
 * <p>{@code CAST(x AS SIGNED)} / {@code AS UNSIGNED} (parsed as a user-defined type name) become casts to BIGINT.
 * Known gap: UNSIGNED keeps the sign ({@code CAST(-1 AS UNSIGNED)} is -1 here, 18446744073709551615 in MySQL).
 *
 * <p>Turns hexadecimal literals ({@code x'303132'}) in a query into the character strings they spell. MySQL treats
 * such a literal as a string that converts to a number where one is needed ({@code x'303132' IN (SELECT int_col
 * ...)}); Calcite's validator rejects BINARY against numeric types outright. Bytes map one to one onto characters
 * (ISO-8859-1) so nothing is lost. Known gap: in a numeric comparison MySQL reads the literal as an unsigned
 * integer (x'41' = 65), while the rewritten string converts by its digits ('012' = 12).
 */
final class MySqlLiteralRewriter extends SqlShuttle {
    static final MySqlLiteralRewriter INSTANCE = new MySqlLiteralRewriter();

    private MySqlLiteralRewriter() {
    }

    @Override
    public SqlNode visit(SqlDataTypeSpec type) {
        if (type.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec u) {
            String name = u.getTypeName().getSimple();
            if (name.equalsIgnoreCase("SIGNED") || name.equalsIgnoreCase("UNSIGNED")) {
                SqlParserPos pos = type.getParserPosition();
                return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos), pos);
            }
        }
        return type;
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
