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
import org.apache.calcite.util.NlsString;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * MySQL literal and type spellings Calcite's validator does not take, rewritten before validation.
 *
 * <p>{@code CAST(x AS SIGNED)} (parsed as a user-defined type name) becomes a cast to BIGINT; {@code CAST(x AS
 * UNSIGNED)} becomes {@code TO_UNSIGNED(x)}, which wraps negative values modulo 2^64 as MySQL does.
 *
 * <p>An unquoted {@code user} without parentheses is a column name in MySQL (only {@code USER()} is the function);
 * Calcite parses it as the niladic USER function, so it is turned back into an identifier.
 *
 * <p>{@code FROM DUAL} (unquoted) is dropped: MySQL's name for selecting from no table.
 *
 * <p>{@code JOIN} without ON is a cross join, {@code CROSS JOIN ... ON} an inner join (see {@link #joinSpelling}).
 *
 * <p>A decimal literal with more than 30 digits after the point is rounded to 30, as MySQL keeps them.
 *
 * <p>An empty {@code ESCAPE ''} becomes the backslash, which is how MySQL reads it.
 *
 * <p>A unary plus is dropped, as MySQL's parser drops it, so {@code + text_col} stays a string.
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
    public SqlNode visit(org.apache.calcite.sql.SqlCall call) {
        if (call.getKind() == org.apache.calcite.sql.SqlKind.VALUES) {
            mixedValuesColumnsAsStrings(call);
        }
        if (call instanceof org.apache.calcite.sql.SqlSelect select
                && select.getFrom() instanceof org.apache.calcite.sql.SqlIdentifier from && from.isSimple()
                && from.getSimple().equalsIgnoreCase("dual") && !from.isComponentQuoted(0)) {
            // FROM DUAL is MySQL's spelling of no FROM at all (an unquoted dual never names a table)
            select.setFrom(null);
        }
        if (call instanceof org.apache.calcite.sql.SqlJoin join) {
            joinSpelling(join);
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.LIKE && call.operandCount() == 3
                && call.operand(2) instanceof SqlLiteral escape && escape.getValue() instanceof NlsString e
                && e.getValue().isEmpty()) {
            // MySQL reads an empty ESCAPE as the backslash; Calcite's simplifier takes the escape's first character
            call.setOperand(2, SqlLiteral.createCharString("\\", escape.getParserPosition()));
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.MINUS_PREFIX && call.operand(0) instanceof SqlLiteral l
                && isUnsignedLiteral(l)) {
            // a negative number: -18446744073709551615 is a DECIMAL, not the negation of a BIGINT UNSIGNED
            return call;
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.PLUS_PREFIX) {
            // MySQL's parser drops a unary plus: + col is col, whatever its type (+ 'abc' is 'abc'). Calcite
            // would coerce a string operand to a number first.
            return call.operand(0).accept(this);
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.toString().toUpperCase(java.util.Locale.ROOT).matches("UNSIGNED( INT(EGER)?)?")) {
            SqlNode operand = call.operand(0).accept(this);
            return dev.scion.sql.expr.SqlFunctions.TO_UNSIGNED.createCall(call.getParserPosition(), operand);
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.toString().toUpperCase(java.util.Locale.ROOT).matches("SIGNED( INT(EGER)?)?")
                && !(call.operand(0) instanceof SqlLiteral l && !(l.getValue() instanceof NlsString))
                && !(call.operand(0) instanceof org.apache.calcite.sql.SqlDynamicParam)) {
            // text is read as the integer it starts with (expr.IntegerPrefix), not as a number rounded
            SqlParserPos pos = call.getParserPosition();
            SqlNode operand = dev.scion.sql.expr.SqlFunctions.SIGNED_TEXT.createCall(pos,
                    call.operand(0).accept(this));
            return org.apache.calcite.sql.fun.SqlStdOperatorTable.CAST.createCall(pos, operand,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos), pos));
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec().getTypeName().isSimple()
                && spec.getTypeNameSpec().getTypeName().getSimple().equalsIgnoreCase("YEAR")) {
            // CAST(x AS YEAR) (MySQL 8.0.22): Calcite has no YEAR type; YearCast applies MySQL's rules
            return dev.scion.sql.expr.SqlFunctions.declared("SCION_YEAR").createCall(call.getParserPosition(),
                    call.operand(0).accept(this));
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
                && basic.getTypeName().getSimple().equalsIgnoreCase("FLOAT") && basic.getPrecision() <= 24) {
            // MySQL's FLOAT (and FLOAT(p) up to 24) is single precision; a larger p is DOUBLE, as Calcite reads it
            SqlParserPos pos = call.getParserPosition();
            SqlNode cast = org.apache.calcite.sql.fun.SqlStdOperatorTable.CAST.createCall(pos,
                    call.operand(0).accept(this), spec);
            return dev.scion.sql.expr.SqlFunctions.SINGLE_PRECISION.createCall(pos, cast);
        }
        SqlNode text = textCast(call);
        if (text != null) {
            return text;
        }
        if (call.getKind() == org.apache.calcite.sql.SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
                && basic.getTypeName().getSimple().equalsIgnoreCase("BINARY") && basic.getPrecision() < 0) {
            // CAST(x AS BINARY) is the whole value as a binary string (as BINARY x), not Calcite's BINARY(1)
            return dev.scion.sql.expr.SqlFunctions.declared("SCION_BINARY").createCall(call.getParserPosition(),
                    call.operand(0).accept(this));
        }
        SqlNode constant = dev.scion.sql.expr.NameConst.value(call);
        if (constant != null) {
            return constant.accept(this);
        }
        SqlNode comparisons = MixedInLists.expanded(call);
        if (comparisons != null) {
            return comparisons.accept(this);
        }
        SqlNode first = call.operandCount() > 0 ? call.operand(0) : null;
        org.apache.calcite.sql.SqlCall named = ValuesColumnNames.named(call, first);
        if (named != null) {
            return super.visit(named);
        }
        org.apache.calcite.sql.SqlCall mysql = dev.scion.sql.expr.MySqlCallRewrites.rewrite(call);
        if (mysql != null) {
            return super.visit(mysql);
        }
        return super.visit(call);
    }

    /**
     * MySQL's casts to text: {@code CAST(x AS CHAR)} keeps the whole value (Calcite's CHAR is CHAR(1)) and
     * {@code CAST(x AS CHAR(n))} does not pad, so both become VARCHAR; {@code CHARACTER SET cs} on the type, and
     * {@code CONVERT(x USING cs)} (parsed as TRANSLATE), convert to that character set
     * ({@link dev.scion.sql.expr.CharsetConversion}). Null when {@code call} is none of these.
     */
    private SqlNode textCast(org.apache.calcite.sql.SqlCall call) {
        SqlParserPos pos = call.getParserPosition();
        if (call.getOperator() == org.apache.calcite.sql.fun.SqlStdOperatorTable.TRANSLATE && call.operandCount() == 2
                && call.operand(1) instanceof org.apache.calcite.sql.SqlIdentifier charset) {
            return dev.scion.sql.expr.CharsetConversion.CONVERT.createCall(pos, call.operand(0).accept(this),
                    SqlLiteral.createCharString(charset.getSimple(), pos));
        }
        if (call.getKind() != org.apache.calcite.sql.SqlKind.CAST || call.operandCount() != 2
                || !(call.operand(1) instanceof SqlDataTypeSpec spec)
                || !(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic)
                || basic.getTypeName().getSimple().equalsIgnoreCase("VARCHAR")
                && basic.getCharSetName() == null
                || !basic.getTypeName().getSimple().equalsIgnoreCase("CHAR")
                && !basic.getTypeName().getSimple().equalsIgnoreCase("VARCHAR")
                || basic.getCharSetName() != null && basic.getCharSetName().contains("-")) {
            // a Java charset name ("UTF-8") is a cast the validator's type coercion added to a statement planned
            // before (CREATE TABLE ... AS SELECT plans its query twice); Calcite reads it as it is
            return null;
        }
        SqlParserPos typePos = spec.getParserPosition();
        SqlBasicTypeNameSpec varchar = basic.getPrecision() < 0
                ? new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, typePos)
                : new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, basic.getPrecision(), typePos);
        SqlNode cast = org.apache.calcite.sql.fun.SqlStdOperatorTable.CAST.createCall(pos,
                call.operand(0).accept(this), new SqlDataTypeSpec(varchar, typePos));
        return basic.getCharSetName() == null ? cast : dev.scion.sql.expr.CharsetConversion.CONVERT.createCall(pos,
                cast, SqlLiteral.createCharString(basic.getCharSetName(), pos));
    }

    /**
     * A VALUES column whose rows give both numbers and strings is a string column in MySQL; the type factory says
     * so (MySqlTypeFactory), and the numeric literals of such a column are written as the strings they become,
     * since Calcite builds VALUES of literals that must already have the column's type.
     */
    private static void mixedValuesColumnsAsStrings(org.apache.calcite.sql.SqlCall values) {
        List<org.apache.calcite.sql.SqlCall> rows = new java.util.ArrayList<>();
        for (SqlNode r : values.getOperandList()) {
            if (!(r instanceof org.apache.calcite.sql.SqlCall row)
                    || row.getKind() != org.apache.calcite.sql.SqlKind.ROW) {
                return;
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).operandCount();
        for (int col = 0; col < width; col++) {
            boolean strings = false;
            boolean numbers = false;
            for (org.apache.calcite.sql.SqlCall row : rows) {
                if (row.operandCount() != width) {
                    return;
                }
                SqlNode v = row.operand(col);
                strings |= v instanceof org.apache.calcite.sql.SqlCharStringLiteral;
                numbers |= v instanceof org.apache.calcite.sql.SqlNumericLiteral;
            }
            if (!strings || !numbers) {
                continue;
            }
            for (org.apache.calcite.sql.SqlCall row : rows) {
                if (row.operand(col) instanceof org.apache.calcite.sql.SqlNumericLiteral n) {
                    row.setOperand(col, org.apache.calcite.sql.SqlLiteral.createCharString(n.toValue(),
                            n.getParserPosition()));
                }
            }
        }
    }

    /**
     * In MySQL, {@code JOIN} / {@code INNER JOIN} without ON or USING is a cross join, and {@code CROSS JOIN ... ON}
     * an inner join; Calcite refuses both spellings.
     */
    private static void joinSpelling(org.apache.calcite.sql.SqlJoin join) {
        boolean hasCondition = join.getConditionType() != org.apache.calcite.sql.JoinConditionType.NONE;
        if (join.isNatural()) {
            return;
        }
        org.apache.calcite.sql.JoinType type = join.getJoinType();
        if (type == org.apache.calcite.sql.JoinType.INNER && !hasCondition) {
            join.setOperand(2, org.apache.calcite.sql.JoinType.CROSS.symbol(join.getParserPosition()));
        } else if (type == org.apache.calcite.sql.JoinType.CROSS && hasCondition) {
            join.setOperand(2, org.apache.calcite.sql.JoinType.INNER.symbol(join.getParserPosition()));
        }
    }

    @Override
    public SqlNode visit(org.apache.calcite.sql.SqlIdentifier id) {
        // The validator turns an unquoted simple identifier naming a niladic function (USER) into that call
        // before it looks for a column; marking the name quoted keeps it a column, as in MySQL.
        if (id.isSimple() && id.getSimple().equalsIgnoreCase("user") && !id.isComponentQuoted(0)) {
            return new org.apache.calcite.sql.SqlIdentifier(List.of(id.getSimple()), null, id.getParserPosition(),
                    List.of(SqlParserPos.QUOTED_ZERO));
        }
        return id;
    }

    /** A TIME literal Calcite's parser reads: a time of day, hours 00 to 23. */
    private static final java.util.regex.Pattern TIME_OF_DAY =
            java.util.regex.Pattern.compile("\\s*([01]?\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,6})?\\s*");

    /**
     * {@code TIME '838:59:59'}, {@code TIME '-12:00:00'}, {@code TIME '1 10:00'}: MySQL's TIME literals reach past a
     * day and below zero, which Calcite's TIME literal refuses; TIME('...') reads them as MySqlTime does (clipped to
     * ±838:59:59). Not a CAST: Calcite folds a cast of a literal into a time of day.
     */
    private static SqlNode timeCall(String text, SqlParserPos pos) {
        return dev.scion.sql.expr.SqlFunctions.declared("TIME").createCall(pos, SqlLiteral.createCharString(text, pos));
    }

    private static final java.math.BigDecimal SIGNED_LIMIT =
            new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(63));
    private static final java.math.BigDecimal UNSIGNED_LIMIT =
            new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(64));

    /** An integer literal (no point) from 2^63 to 2^64-1, which MySQL reads as BIGINT UNSIGNED. */
    private static boolean isUnsignedLiteral(SqlLiteral literal) {
        return literal instanceof org.apache.calcite.sql.SqlNumericLiteral n && n.isExact()
                && n.getValue() instanceof java.math.BigDecimal d && d.scale() <= 0
                && d.compareTo(SIGNED_LIMIT) >= 0 && d.compareTo(UNSIGNED_LIMIT) < 0;
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof org.apache.calcite.sql.SqlNumericLiteral n && n.isExact()
                && n.getValue() instanceof java.math.BigDecimal d && d.scale() > MySqlTypeSystem.MAX_DECIMAL_SCALE) {
            // MySQL keeps 30 digits after the point of a decimal literal; Calcite would refuse the literal
            java.math.BigDecimal rounded = d.setScale(MySqlTypeSystem.MAX_DECIMAL_SCALE, java.math.RoundingMode.HALF_UP);
            return SqlLiteral.createExactNumeric(rounded.toPlainString(), literal.getParserPosition());
        }
        if (isUnsignedLiteral(literal)) {
            // MySQL reads an integer literal from 2^63 to 2^64-1 as BIGINT UNSIGNED (so 18446744073709551615 + 1 is
            // 1690); Calcite's type for it is DECIMAL(20, 0)
            SqlParserPos pos = literal.getParserPosition();
            return org.apache.calcite.sql.fun.SqlStdOperatorTable.CAST.createCall(pos, literal,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.UBIGINT, pos), pos));
        }
        if (literal instanceof org.apache.calcite.sql.SqlUnknownLiteral u && u.tag.equals("TIME")
                && !TIME_OF_DAY.matcher(u.getValue()).matches()) {
            return timeCall(u.getValue(), literal.getParserPosition());
        }
        if (literal.getTypeName() == SqlTypeName.BINARY && literal.getValue() instanceof BitString bits) {
            String text = new String(dev.scion.sql.parser.MySqlLiterals.bytesOf(bits), StandardCharsets.ISO_8859_1);
            SqlParserPos pos = literal.getParserPosition();
            return new org.apache.calcite.sql.SqlBasicCall(dev.scion.sql.expr.SqlFunctions.BYTES_LITERAL,
                    java.util.List.of(SqlLiteral.createCharString(text, pos)), pos);
        }
        return literal;
    }
}
