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
 * <p>Hexadecimal and bit-value literals ({@code x'303132'}, {@code b'101'}, {@code 0x41}) become
 * {@code SCION_BYTES('...')}: Calcite's validator rejects BINARY against numeric types outright, but takes this
 * call (typed as a character string) anywhere MySQL takes the literal. Its argument spells the bytes one to one as
 * ISO-8859-1 characters; at run time it is the bytes themselves, so a BIT or BINARY column stores exactly them and
 * numeric contexts read them as MySQL does, as an unsigned big-endian integer ({@code b'101' + 0} = 5,
 * {@code x'41' + 0} = 65; see Values).
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
            SqlParserPos pos = literal.getParserPosition();
            return new org.apache.calcite.sql.SqlBasicCall(dev.scion.sql.expr.SqlFunctions.BYTES_LITERAL,
                    java.util.List.of(SqlLiteral.createCharString(text, pos)), pos);
        }
        return literal;
    }
}
