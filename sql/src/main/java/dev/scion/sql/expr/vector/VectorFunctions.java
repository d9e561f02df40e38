package dev.scion.sql.expr.vector;

import static dev.scion.sql.expr.VariadicFunctions.variadic;
import static dev.scion.sql.expr.VariadicFunctions.nullable;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * MySQL 9's vector functions: STRING_TO_VECTOR (TO_VECTOR, VEC_FromText), VECTOR_TO_STRING (FROM_VECTOR,
 * VEC_ToText) and VECTOR_DIM; and the distances Dolt offers, VEC_DISTANCE (Euclidean) and
 * VEC_DISTANCE_L2_SQUARED, which take vectors or their text (a JSON array). NULL in, NULL out.
 */
public final class VectorFunctions {
    private static final List<String> TO_VECTOR = List.of("STRING_TO_VECTOR", "TO_VECTOR", "VEC_FROMTEXT");
    private static final List<String> FROM_VECTOR = List.of("VECTOR_TO_STRING", "FROM_VECTOR", "VEC_TOTEXT");
    private static final SqlOperatorTable TABLE;

    static {
        List<SqlOperator> ops = new ArrayList<>();
        TO_VECTOR.forEach(n -> ops.add(variadic(n, nullable(SqlTypeName.VARBINARY))));
        FROM_VECTOR.forEach(n -> ops.add(variadic(n, nullable(SqlTypeName.VARCHAR))));
        ops.add(variadic("VECTOR_DIM", nullable(SqlTypeName.BIGINT)));
        ops.add(variadic("VEC_DISTANCE", nullable(SqlTypeName.DOUBLE)));
        ops.add(variadic("VEC_DISTANCE_L2_SQUARED", nullable(SqlTypeName.DOUBLE)));
        TABLE = SqlOperatorTables.of(ops);
    }

    private VectorFunctions() {
    }

    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    /** The evaluator of a vector function, or null if {@code name} is none. */
    public static Expr compile(String name, Expr[] a) {
        String fn = name.toLowerCase(Locale.ROOT);
        if (TO_VECTOR.contains(name)) {
            return strict(fn, a, 1, args -> fromText(Values.toStringValue(args[0])));
        }
        if (FROM_VECTOR.contains(name)) {
            return strict(fn, a, 1, args -> Vectors.toText(binary(fn, args[0])));
        }
        return switch (name) {
            case "VECTOR_DIM" -> strict(fn, a, 1, args -> (long) Vectors.components(binary(fn, args[0])).length);
            case "VEC_DISTANCE" -> strict(fn, a, 2, args -> Math.sqrt(squaredDistance(fn, args[0], args[1])));
            case "VEC_DISTANCE_L2_SQUARED" -> strict(fn, a, 2, args -> squaredDistance(fn, args[0], args[1]));
            default -> null;
        };
    }

    private static Expr strict(String fn, Expr[] a, int args, Function<Object[], Object> body) {
        if (a.length != args) {
            throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function '" + fn + "'");
        }
        return (row, ctx) -> {
            Object[] values = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                values[i] = a[i].eval(row, ctx);
                if (values[i] == null) {
                    return null;
                }
            }
            return body.apply(values);
        };
    }

    private static byte[] fromText(String text) {
        try {
            return Vectors.fromText(text);
        } catch (IllegalArgumentException e) {
            throw new SqlError(ErrorCode.TO_VECTOR_CONVERSION, "Data cannot be converted to a valid vector: '"
                    + text + "'");
        }
    }

    private static byte[] binary(String fn, Object v) {
        byte[] b = v instanceof byte[] bytes ? bytes : Values.toStringValue(v).getBytes(StandardCharsets.ISO_8859_1);
        try {
            Vectors.components(b);
            return b;
        } catch (IllegalArgumentException e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to " + fn);
        }
    }

    /** A distance operand: a vector's binary form, or its text (as a JSON column holds it). */
    private static float[] operand(String fn, Object v) {
        if (v instanceof byte[] b) {
            return Vectors.components(binary(fn, b));
        }
        return Vectors.components(fromText(Values.toStringValue(v)));
    }

    private static double squaredDistance(String fn, Object x, Object y) {
        float[] p = operand(fn, x);
        float[] q = operand(fn, y);
        if (p.length != q.length) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to " + fn
                    + ": vectors of different dimensions");
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = (double) p[i] - q[i];
            sum += d * d;
        }
        return sum;
    }
}
