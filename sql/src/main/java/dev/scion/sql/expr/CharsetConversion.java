package dev.scion.sql.expr;

import dev.scion.sql.catalog.CharsetEncoding;
import dev.scion.sql.catalog.Charsets;
import dev.scion.sql.catalog.Collations;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.Locale;

/**
 * {@code CONVERT(x USING cs)} and {@code CAST(x AS CHAR CHARACTER SET cs)}, which the planner's rewrite turns into
 * {@code SCION_CONVERT(x, 'cs')}: the text of {@code x} in character set {@code cs}, with that set's default
 * collation (IMPLICIT, as MySQL gives a conversion). The value stays Java text; the character set rides in the
 * type's collation ({@link TextCollation}), so LENGTH, HEX and BINARY lay it out in {@code cs}'s bytes
 * ({@link CharsetEncoding}). A character {@code cs} cannot hold becomes '?'; bytes (a binary string or hex
 * literal) are read as {@code cs}'s encoding; {@code USING binary} gives the bytes of {@code x}'s own character set.
 * An unknown character set is 1115.
 */
public final class CharsetConversion {
    public static final SqlFunction CONVERT = new SqlFunction("SCION_CONVERT", SqlKind.OTHER_FUNCTION,
            CharsetConversion::type, null, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.SYSTEM);

    private CharsetConversion() {
    }

    private static RelDataType type(SqlOperatorBinding binding) {
        String charset = Collations.requireCharset(binding.getOperandLiteralValue(1, String.class)).name();
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataType operand = binding.getOperandType(0);
        boolean sized = SqlTypeUtil.inCharOrBinaryFamilies(operand)
                && operand.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED;
        SqlTypeName name = charset.equals("binary") ? SqlTypeName.VARBINARY : SqlTypeName.VARCHAR;
        RelDataType base = f.createTypeWithNullability(sized ? f.createSqlType(name, operand.getPrecision())
                : f.createSqlType(name), operand.isNullable());
        if (charset.equals("binary") || charset.equals(Charsets.DEFAULT_CHARSET)) {
            return base;
        }
        return TextCollation.with(f, base, Collations.defaultOf(charset), SqlCollation.Coercibility.IMPLICIT);
    }

    /** The MySQL character set of a text type (its collation's; utf8mb4 for the default). */
    public static String charsetOf(RelDataType type) {
        return Collations.charsetOf(TextCollation.of(type));
    }

    /** The bytes of {@code v} as its type lays them out: text in its character set, bytes as they are. */
    static byte[] bytesOf(Object v, RelDataType type) {
        if (v instanceof byte[] b) {
            return b;
        }
        String text = Values.toStringValue(v);
        return type != null && SqlTypeUtil.inCharFamily(type) ? CharsetEncoding.encode(charsetOf(type), text)
                : ByteStrings.bytes(text);
    }

    /** The evaluator of {@code SCION_CONVERT(x, 'cs')}. */
    static Expr compile(RexCall call, Expr[] a) {
        String target = Collations.requireCharset(
                ((org.apache.calcite.rex.RexLiteral) call.getOperands().get(1)).getValueAs(String.class)).name()
                .toLowerCase(Locale.ROOT);
        RelDataType from = call.getOperands().get(0).getType();
        Expr x = a[0];
        java.nio.charset.Charset targetEncoding = CharsetEncoding.of(target);
        return (row, ctx) -> {
            Object v = x.eval(row, ctx);
            if (v == null) {
                return null;
            }
            if (targetEncoding == null) {
                return bytesOf(v, from);
            }
            if (v instanceof byte[] b) {
                return new String(b, targetEncoding);
            }
            return CharsetEncoding.convert(target, Values.toStringValue(v));
        };
    }
}
