package dev.scion.sql.routine;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.plan.RowExpressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A routine's expressions that {@code DirectExpression} does not take (strings, DECIMAL, built-in functions) compiled
 * over the routine's variables ({@link RowExpressions}), once per expression text and variable declarations: the
 * variables are the fields of the row the compiled expression reads. Only variables of numeric and character types
 * are offered as fields (the planner's types for temporal variables are not the ones their literals get), so an
 * expression naming any other variable, a column, a user variable, a stored function or a sub-query does not
 * compile and the interpreter plans it as before.
 */
final class CompiledExpressions {
    private static final int LIMIT = 4096;
    private static final Map<String, Optional<Expr>> CACHE = new ConcurrentHashMap<>();

    private CompiledExpressions() {
    }

    /** The compiled expression over variables {@code names} of declared {@code types}, or empty. */
    static Optional<Expr> of(String expr, List<String> names, List<String> types) {
        StringBuilder key = new StringBuilder(expr.length() + 16 * names.size()).append(expr);
        for (int i = 0; i < names.size(); i++) {
            key.append('\u0000').append(names.get(i)).append('\u0001').append(types.get(i));
        }
        String k = key.toString();
        Optional<Expr> hit = CACHE.get(k);
        if (hit != null) {
            return hit;
        }
        List<RowExpressions.Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String type = types.get(i);
            fields.add(new RowExpressions.Field(names.get(i),
                    (f, n) -> StoredFunctionOperator.sqlType(f, type)));
        }
        Optional<Expr> compiled = RowExpressions.compile(expr, fields);
        if (CACHE.size() >= LIMIT) {
            CACHE.clear();
        }
        CACHE.put(k, compiled);
        return compiled;
    }

    /** Whether a variable of this declared type can be a field: its planner type is its value's type. */
    static boolean fieldType(String declared) {
        if (declared == null || declared.toLowerCase(Locale.ROOT).contains("unsigned")) {
            return false;
        }
        return switch (ParameterType.of(declared).dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double", "char", "varchar",
                    "tinytext", "text", "mediumtext", "longtext" -> true;
            default -> false;
        };
    }
}
