package dev.scion.sql.expr;

import dev.scion.sql.dolt.Procedures;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.SystemVariables;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Evaluates named function calls: MySQL built-ins and Scion's versioning functions. */
final class FunctionEvaluator {
    private FunctionEvaluator() {
    }

    static Expr compile(RexCall call, Expr[] a) {
        if (call.getOperator() instanceof CompiledOperator own) {
            return own.compile(a);
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (SqlFunctions.isVersioningProcedure(name)) {
            return (row, ctx) -> {
                List<String> args = new ArrayList<>(a.length);
                for (Expr e : a) {
                    Object v = e.eval(row, ctx);
                    args.add(v == null ? null : Values.toStringValue(v));
                }
                return Procedures.callAsFunction(ctx.session(), name, args);
            };
        }
        Expr json = dev.scion.sql.expr.json.JsonFunctions.compile(name, call, a);
        if (json != null) {
            return json;
        }
        Expr uuid = UuidFunctions.compile(name, a);
        if (uuid != null) {
            return uuid;
        }
        Expr own = name.equals("FORMAT") ? NumberFormat.compile(a) : name.equals("SCION_EXTRACT")
                ? ExtractFunction.compile(a) : BitListFunctions.compile(name, a);
        if (own == null) {
            own = InetFunctions.compile(name, a);
        }
        if (own == null) {
            own = CollationFunctions.compile(name, call);
        }
        if (own == null) {
            own = CompressionFunctions.compile(name, a);
        }
        if (own == null) {
            own = UserLockFunctions.compile(name, a);
        }
        if (own == null) {
            own = PasswordStrength.compile(name, a);
        }
        if (own != null) {
            return own;
        }
        Expr spatial = dev.scion.sql.expr.spatial.SpatialFunctions.compile(name, a);
        if (spatial != null) {
            return spatial;
        }
        Expr vector = dev.scion.sql.expr.vector.VectorFunctions.compile(name, a);
        if (vector != null) {
            return vector;
        }
        switch (name) {
            case "SCION_CONVERT":
                return CharsetConversion.compile(call, a);
            case "SCION_BYTES": {
                // a hex/bit literal: its characters are its bytes (ISO-8859-1), see MySqlLiteralRewriter
                Expr text = a[0];
                return (row, ctx) -> {
                    Object v = text.eval(row, ctx);
                    return v == null ? null : Values.toStringValue(v).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                };
            }
            case "SCION_SIGNED_TEXT": {
                Expr x = a[0];
                if (!SqlFunctions.readsText(call.getOperands().get(0).getType())) {
                    return x;
                }
                // typed BIGINT, so the cast above it may be dropped: an ENUM's value becomes its number here
                return (row, ctx) -> {
                    Object v = x.eval(row, ctx);
                    return v == null ? null : v instanceof String text ? IntegerPrefix.signed(text, ctx)
                            : Values.toLong(v);
                };
            }
            case "SCION_SINGLE_PRECISION": {
                Expr x = a[0];
                return (row, ctx) -> x.eval(row, ctx) instanceof Number n ? n.floatValue() : null;
            }
            case "SCION_TRUTH": {
                // a number or string where MySQL expects a condition, see plan.TruthValues
                return condition(call.getOperands().get(0), a[0]);
            }
            case "BIT_COUNT":
                // the ones of the 64-bit unsigned integer (a bit or hex literal counts as its integer value)
                return unary(a, v -> (long) Long.bitCount(Values.toUnsignedBits(v)));
            case "DATABASE", "SCHEMA":
                return (row, ctx) -> ctx.session().currentDatabase();
            case "VERSION":
                return (row, ctx) -> SystemVariables.SERVER_VERSION;
            case "CONNECTION_ID":
                return (row, ctx) -> ctx.session().connectionId();
            case "CURRENT_USER":
                return (row, ctx) -> ctx.session().currentUser();
            case "USER", "SESSION_USER", "SYSTEM_USER":
                return (row, ctx) -> ctx.session().user() + "@" + ctx.session().host();
            case "LAST_INSERT_ID":
                if (a.length == 1) {
                    // LAST_INSERT_ID(expr) returns expr and makes it what LAST_INSERT_ID() gives from now on
                    // (NULL is returned as NULL and remembered as 0, as in MySQL)
                    return (row, ctx) -> {
                        Object v = a[0].eval(row, ctx);
                        long id = v == null ? 0L : Values.toLong(v);
                        ctx.session().setLastInsertId(id);
                        return v == null ? null : id;
                    };
                }
                // unsigned, as in MySQL: a BIGINT UNSIGNED id from 2^63 on reads as itself
                return (row, ctx) -> dev.scion.versioning.model.AutoIncrementValue.asNumber(
                        ctx.session().lastInsertId());
            case "ROW_COUNT":
                return (row, ctx) -> ctx.session().counts().rowCount();
            case "FOUND_ROWS":
                return (row, ctx) -> ctx.session().counts().foundRows();
            case "ACTIVE_BRANCH":
                return (row, ctx) -> ctx.session().current().branch();
            case "DOLT_VERSION":
                return (row, ctx) -> "0.1.0";
            case "DOLT_MERGE_BASE":
                return (row, ctx) -> dev.scion.sql.dolt.VersioningFunctions.mergeBase(ctx.session(),
                        Values.toStringValue(a[0].eval(row, ctx)), Values.toStringValue(a[1].eval(row, ctx)));
            case "HAS_ANCESTOR":
                return (row, ctx) -> dev.scion.sql.dolt.VersioningFunctions.hasAncestor(ctx.session(),
                        Values.toStringValue(a[0].eval(row, ctx)), Values.toStringValue(a[1].eval(row, ctx)));
            case "DOLT_HASHOF_TABLE":
                return (row, ctx) -> dev.scion.sql.dolt.VersioningFunctions.hashOfTable(ctx.session(),
                        Values.toStringValue(a[0].eval(row, ctx)));
            case "DOLT_HASHOF_DB":
                return (row, ctx) -> dev.scion.sql.dolt.VersioningFunctions.hashOfDb(ctx.session(),
                        a.length == 0 ? null : Values.toStringValue(a[0].eval(row, ctx)));
            case "HASHOF", "DOLT_HASHOF":
                return (row, ctx) -> Procedures.hashOf(ctx.session(), Values.toStringValue(a[0].eval(row, ctx)));
            case "NOW", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "SYSDATE":
                return (row, ctx) -> LocalDateTime.now(SessionTimeZone.of(ctx.session())).withNano(0);
            case "IFNULL", "NVL":
                if (org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(call.getType())
                        && !call.getOperands().stream().allMatch(o -> org.apache.calcite.sql.type.SqlTypeUtil
                        .isCharacter(o.getType()))) {
                    // mixed types answered as text (SqlFunctions.ifNullType): the chosen value's MySQL text
                    return (row, ctx) -> {
                        Object v = a[0].eval(row, ctx);
                        v = v != null ? v : a[1].eval(row, ctx);
                        return v == null ? null : Values.toStringValue(v);
                    };
                }
                if (call.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DECIMAL) {
                    // IFNULL(int_col, 2.5) is a DECIMAL(n,1): the integer chosen is shown with the scale, 7.0
                    int scale = call.getType().getScale();
                    return (row, ctx) -> {
                        Object v = a[0].eval(row, ctx);
                        v = v != null ? v : a[1].eval(row, ctx);
                        return v instanceof Long || v instanceof Integer
                                ? java.math.BigDecimal.valueOf(((Number) v).longValue()).setScale(scale) : v;
                    };
                }
                return (row, ctx) -> {
                    Object v = a[0].eval(row, ctx);
                    return v != null ? v : a[1].eval(row, ctx);
                };
            case "IF": {
                java.util.function.UnaryOperator<Object> shape = ChosenValues.shaper(call.getType(),
                        call.getOperands().subList(1, 3));
                Expr test = condition(call.getOperands().get(0), a[0]);
                return (row, ctx) -> shape.apply(Boolean.TRUE.equals(test.eval(row, ctx))
                        ? a[1].eval(row, ctx) : a[2].eval(row, ctx));
            }
            case "NULLIF":
                return (row, ctx) -> {
                    Object x = a[0].eval(row, ctx);
                    Object y = a[1].eval(row, ctx);
                    return x != null && y != null && Values.compare(x, y) == 0 ? null : x;
                };
            case "CONCAT":
            case "||":
                return (row, ctx) -> {
                    StringBuilder sb = new StringBuilder();
                    for (Expr e : a) {
                        Object v = e.eval(row, ctx);
                        if (v == null) {
                            return null;
                        }
                        sb.append(Values.toStringValue(v));
                    }
                    return sb.toString();
                };
            case "UPPER", "UCASE":
                return unary(a, v -> Values.toStringValue(v).toUpperCase(Locale.ROOT));
            case "LOWER", "LCASE":
                return unary(a, v -> Values.toStringValue(v).toLowerCase(Locale.ROOT));
            case "CHAR_LENGTH", "CHARACTER_LENGTH":
                return unary(a, v -> (long) Values.toStringValue(v).codePointCount(0, Values.toStringValue(v).length()));
            case "LENGTH", "OCTET_LENGTH": {
                // bytes in the argument's character set (a utf16 string has two per character)
                RelDataType type = call.getOperands().get(0).getType();
                return unary(a, v -> (long) CharsetConversion.bytesOf(v, type).length);
            }
            case "ABS":
                return unary(a, v -> v instanceof Long l ? (Object) Math.abs(l)
                        : v instanceof Double d ? (Object) Math.abs(d) : Values.toDecimal(v).abs());
            case "FLOOR":
                return unary(a, v -> v instanceof Long ? v : v instanceof Double d ? (Object) Math.floor(d)
                        : Values.toDecimal(v).setScale(0, RoundingMode.FLOOR));
            case "CEIL", "CEILING":
                return unary(a, v -> v instanceof Long ? v : v instanceof Double d ? (Object) Math.ceil(d)
                        : Values.toDecimal(v).setScale(0, RoundingMode.CEILING));
            case "ROUND":
                return (row, ctx) -> {
                    Object v = a[0].eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    int d = a.length > 1 ? (int) Values.toLong(a[1].eval(row, ctx)) : 0;
                    if (v instanceof Long && d >= 0) {
                        return v;
                    }
                    if (v instanceof Double x) {
                        return BigDecimal.valueOf(x).setScale(d, RoundingMode.HALF_EVEN).doubleValue();
                    }
                    return Values.toDecimal(v).setScale(d, RoundingMode.HALF_UP);
                };
            case "SUBSTRING", "SUBSTR":
                return (row, ctx) -> {
                    Object v = a[0].eval(row, ctx);
                    Object p = a[1].eval(row, ctx);
                    if (v == null || p == null) {
                        return null;
                    }
                    if (v instanceof byte[] bytes) {
                        // binary strings are cut by bytes
                        int bpos = (int) Values.toLong(p);
                        int bstart = bpos > 0 ? bpos - 1 : bpos < 0 ? Math.max(0, bytes.length + bpos) : bytes.length;
                        int blen = a.length > 2 ? (int) Values.toLong(a[2].eval(row, ctx)) : Integer.MAX_VALUE;
                        if (bstart >= bytes.length || blen <= 0) {
                            return new byte[0];
                        }
                        return java.util.Arrays.copyOfRange(bytes, bstart,
                                (int) Math.min(bytes.length, (long) bstart + blen));
                    }
                    String s = Values.toStringValue(v);
                    int pos = (int) Values.toLong(p);
                    int start = pos > 0 ? pos - 1 : pos < 0 ? Math.max(0, s.length() + pos) : s.length();
                    int len = a.length > 2 ? (int) Values.toLong(a[2].eval(row, ctx)) : Integer.MAX_VALUE;
                    if (start >= s.length() || len <= 0) {
                        return "";
                    }
                    return s.substring(start, (int) Math.min(s.length(), (long) start + len));
                };
            default:
                Expr builtin = BuiltinFunctions.compile(name, call, a);
                if (builtin != null) {
                    return builtin;
                }
                throw new SqlError(ErrorCode.FUNCTION_NOT_DEFINED, "FUNCTION " + name.toLowerCase(Locale.ROOT)
                        + " does not exist");
        }
    }

    interface Unary {
        Object apply(Object v);
    }

    /** {@code x}, the value of {@code operand}, read as a condition: TRUE, FALSE or null (UNKNOWN). */
    private static Expr condition(org.apache.calcite.rex.RexNode operand, Expr x) {
        if (org.apache.calcite.sql.type.SqlTypeUtil.isBinary(operand.getType())) {
            // a binary string (CHAR(123), a BINARY column) is text read as a number, '{' as 0; hex literals, the
            // binary strings read as unsigned integers, are typed as text (SCION_BYTES) and do not come here
            return (row, ctx) -> {
                Object v = x.eval(row, ctx);
                return Values.truth(v instanceof byte[] b
                        ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v);
            };
        }
        return (row, ctx) -> Values.truth(x.eval(row, ctx));
    }

    private static Expr unary(Expr[] a, Unary f) {
        Expr x = a[0];
        return (row, ctx) -> {
            Object v = x.eval(row, ctx);
            return v == null ? null : f.apply(v);
        };
    }
}
