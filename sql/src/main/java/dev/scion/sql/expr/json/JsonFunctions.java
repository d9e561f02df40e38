package dev.scion.sql.expr.json;

import static dev.scion.sql.expr.VariadicFunctions.variadic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Like;
import dev.scion.sql.expr.Values;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MySQL's JSON functions. Documents travel as their MySQL text (strings); each function parses its document
 * arguments ({@link JsonText}), and prints its JSON result in MySQL's normal form. A value argument (JSON_OBJECT's
 * values, JSON_SET's new values, ...) is a JSON value when it comes from another JSON function, otherwise an SQL
 * scalar converted as MySQL does (a string becomes a JSON string, a number a JSON number).
 */
public final class JsonFunctions {
    private static final SqlReturnTypeInference TEXT =
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference BIGINT = ReturnTypes.BIGINT_NULLABLE;
    private static final SqlReturnTypeInference JSON = binding -> JsonType.create(binding.getTypeFactory(), true);

    /** {@code value MEMBER OF (array)}, rewritten before validation from Calcite's multiset operator. */
    private static final String MEMBER_OF = "SCION_MEMBER_OF";

    /** Functions whose result is a JSON document (so a JSON value when passed on). */
    private static final Set<String> RETURNS_JSON = Set.of("JSON_EXTRACT", "->", "JSON_OBJECT", "JSON_ARRAY",
            "JSON_SET", "JSON_INSERT", "JSON_REPLACE", "JSON_REMOVE", "JSON_ARRAY_APPEND", "JSON_ARRAY_INSERT", "JSON_MERGE_PATCH",
            "JSON_MERGE_PRESERVE", "JSON_MERGE", "JSON_KEYS", "JSON_SEARCH", "JSON_ARRAYAGG", "JSON_OBJECTAGG");
    private static final Set<String> RETURNS_TEXT = Set.of("JSON_UNQUOTE", "->>", "JSON_QUOTE", "JSON_TYPE",
            "JSON_PRETTY");
    private static final Set<String> RETURNS_INTEGER = Set.of("JSON_VALID", "JSON_CONTAINS", "JSON_CONTAINS_PATH",
            "JSON_LENGTH", "JSON_DEPTH", "JSON_OVERLAPS", MEMBER_OF);

    /** CAST(x AS JSON) and CONVERT(x, JSON), rewritten before validation (see {@link #fromStandardSyntax}). */
    private static final String CAST_AS_JSON = "SCION_CAST_AS_JSON";

    /** Every name this class declares; Calcite's own declarations of them are hidden (SqlFunctions). */
    public static final Set<String> NAMES;
    private static final SqlOperatorTable TABLE;

    static {
        List<SqlOperator> ops = new ArrayList<>();
        java.util.HashSet<String> names = new java.util.HashSet<>();
        for (String n : RETURNS_JSON) {
            if (!n.startsWith("-") && !n.endsWith("AGG")) {
                ops.add(variadic(n, JSON));
                names.add(n);
            }
        }
        for (String n : RETURNS_TEXT) {
            if (!n.startsWith("-")) {
                ops.add(variadic(n, TEXT));
                names.add(n);
            }
        }
        for (String n : RETURNS_INTEGER) {
            ops.add(variadic(n, BIGINT));
            names.add(n);
        }
        ops.add(variadic(CAST_AS_JSON, JSON));
        names.add(CAST_AS_JSON);
        for (String n : List.of("JSON_ARRAYAGG", "JSON_OBJECTAGG")) {
            // MySQL's aggregates return JSON; Calcite's declarations of the same names return VARCHAR(2000)
            ops.add(new org.apache.calcite.sql.SqlAggFunction(n, null, SqlKind.OTHER_FUNCTION, JSON, null,
                    OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM, false, false,
                    org.apache.calcite.util.Optionality.FORBIDDEN) {
            });
            names.add(n);
        }
        ops.add(dev.scion.sql.parser.MySqlOperators.JSON_EXTRACT_ARROW);
        ops.add(dev.scion.sql.parser.MySqlOperators.JSON_UNQUOTE_EXTRACT_ARROW);
        NAMES = Set.copyOf(names);
        TABLE = SqlOperatorTables.of(ops);
    }

    private JsonFunctions() {
    }

    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    /**
     * Calcite's grammar parses JSON_OBJECT and JSON_ARRAY itself (SQL:2016 syntax, a leading NULL ON NULL flag);
     * MySQL's comma form parses the same way. Returns the call with MySQL's function instead (for CAST(x AS JSON)
     * too), or null for any other call.
     */
    public static org.apache.calcite.sql.SqlCall fromStandardSyntax(org.apache.calcite.sql.SqlCall call) {
        SqlOperator op = call.getOperator();
        if (op.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof org.apache.calcite.sql.SqlDataTypeSpec spec
                && spec.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlAlienSystemTypeNameSpec
                && spec.toString().equalsIgnoreCase("JSON")) { // the alias is what it unparses to
            // CAST(x AS JSON) is a function of its own: a cast to the JSON type as Calcite sees it (JsonType) is
            // also what Calcite inserts on its own, and only the explicit one parses strings
            return TABLE.getOperatorList().stream().filter(o -> o.getName().equals(CAST_AS_JSON)).findFirst()
                    .orElseThrow().createCall(call.getParserPosition(), (org.apache.calcite.sql.SqlNode) call.operand(0));
        }
        if (op.getKind() == SqlKind.JSON_ARRAYAGG || op.getKind() == SqlKind.JSON_OBJECTAGG) {
            String name = op.getKind() == SqlKind.JSON_ARRAYAGG ? "JSON_ARRAYAGG" : "JSON_OBJECTAGG";
            return TABLE.getOperatorList().stream().filter(o -> o.getName().equals(name)).findFirst()
                    .orElseThrow().createCall(call.getFunctionQuantifier(), call.getParserPosition(),
                            call.getOperandList());
        }
        if (op == org.apache.calcite.sql.fun.SqlStdOperatorTable.MEMBER_OF) {
            // MySQL's `v MEMBER OF (json_array)` parses as Calcite's multiset membership
            return TABLE.getOperatorList().stream().filter(o -> o.getName().equals(MEMBER_OF)).findFirst()
                    .orElseThrow().createCall(call.getParserPosition(), call.getOperandList());
        }
        if (op != org.apache.calcite.sql.fun.SqlStdOperatorTable.JSON_OBJECT
                && op != org.apache.calcite.sql.fun.SqlStdOperatorTable.JSON_ARRAY) {
            return null;
        }
        SqlOperator mine = TABLE.getOperatorList().stream()
                .filter(o -> o.getName().equals(op.getName())).findFirst().orElseThrow();
        List<org.apache.calcite.sql.SqlNode> operands = call.getOperandList();
        return mine.createCall(call.getParserPosition(), operands.subList(1, operands.size()));
    }

    /** Whether the operand is a JSON document (JSON-typed, or the result of a JSON function). */
    public static boolean isJson(RexNode operand) {
        if (operand instanceof org.apache.calcite.rex.RexLiteral) {
            return false; // MySQL has no JSON literals: a string literal Calcite typed as JSON is still a string
        }
        return JsonType.is(operand.getType()) || operand instanceof RexCall c
                && RETURNS_JSON.contains(c.getOperator().getName().toUpperCase(Locale.ROOT));
    }

    /** Arguments after evaluation, with the function's name for error messages. */
    private record Args(String fn, Object[] v, boolean[] json) {
        boolean anyNull(int from, int to) {
            for (int i = from; i < Math.min(to, v.length); i++) {
                if (v[i] == null) {
                    return true;
                }
            }
            return false;
        }

        JsonNode doc(int i) {
            return document(fn, i, v[i]);
        }

        JsonPath path(int i) {
            return JsonFunctions.path(Values.toStringValue(v[i]));
        }

        JsonNode value(int i) {
            return json[i] ? document(fn, i, v[i]) : scalar(v[i]);
        }

        String text(int i) {
            return Values.toStringValue(v[i]);
        }
    }

    interface Body {
        Object apply(Args a);
    }

    /** The evaluator of a JSON function, or null if {@code name} is none. */
    public static Expr compile(String name, RexCall call, Expr[] a) {
        String fn = name.toLowerCase(Locale.ROOT);
        boolean[] json = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            json[i] = isJson(call.getOperands().get(i));
        }
        return switch (name) {
            case CAST_AS_JSON -> make("cast_as_json", a, json, 1, 1, x -> x.v[0] == null ? null
                    : JsonText.print(x.json[0] || !org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(
                            call.getOperands().get(0).getType()) ? x.value(0) : x.doc(0)));
            case "JSON_VALID" -> make(fn, a, json, 1, 1, x -> x.v[0] == null ? null
                    : (Object) (JsonText.valid(x.text(0)) ? 1L : 0L));
            case "JSON_TYPE" -> make(fn, a, json, 1, 1, x -> x.v[0] == null ? null : JsonText.typeName(x.doc(0)));
            case "JSON_QUOTE" -> make(fn, a, json, 1, 1, x -> x.v[0] == null ? null : JsonText.quote(x.text(0)));
            case "JSON_UNQUOTE" -> make(fn, a, json, 1, 1, x -> x.v[0] == null ? null : unquote(x));
            case "JSON_EXTRACT", "->" -> make(fn, a, json, 2, Integer.MAX_VALUE, JsonFunctions::extract);
            case "->>" -> make(fn, a, json, 2, 2, x -> {
                Object v = extract(x);
                return v == null ? null : unquoteText((String) v);
            });
            case "JSON_OBJECT" -> make(fn, a, json, 0, Integer.MAX_VALUE, JsonFunctions::object);
            case "JSON_ARRAY" -> make(fn, a, json, 0, Integer.MAX_VALUE, x -> {
                ArrayNode arr = JsonText.NODES.arrayNode();
                for (int i = 0; i < x.v.length; i++) {
                    arr.add(x.value(i));
                }
                return JsonText.print(arr);
            });
            case "JSON_KEYS" -> make(fn, a, json, 1, 2, x -> {
                JsonNode n = target(x);
                if (n == null || !n.isObject()) {
                    return null;
                }
                List<String> keys = new ArrayList<>();
                n.fieldNames().forEachRemaining(keys::add);
                keys.sort(JsonText.KEY_ORDER);
                ArrayNode arr = JsonText.NODES.arrayNode();
                keys.forEach(arr::add);
                return JsonText.print(arr);
            });
            case "JSON_LENGTH" -> make(fn, a, json, 1, 2, x -> {
                JsonNode n = target(x);
                return n == null ? null : (Object) (long) (n.isContainerNode() ? n.size() : 1);
            });
            case "JSON_DEPTH" -> make(fn, a, json, 1, 1, x -> x.v[0] == null ? null : (Object) (long) depth(x.doc(0)));
            case "JSON_CONTAINS" -> make(fn, a, json, 2, 3, x -> {
                if (x.anyNull(0, 3)) {
                    return null;
                }
                JsonNode doc = x.doc(0);
                JsonNode candidate = x.doc(1);
                if (x.v.length > 2) {
                    JsonPath p = x.path(2);
                    if (p.wildcard()) {
                        throw wildcard();
                    }
                    doc = p.first(doc);
                    if (doc == null) {
                        return null;
                    }
                }
                return JsonEdits.contains(doc, candidate) ? 1L : 0L;
            });
            case "JSON_CONTAINS_PATH" -> make(fn, a, json, 3, Integer.MAX_VALUE, x -> {
                if (x.anyNull(0, x.v.length)) {
                    return null;
                }
                JsonNode doc = x.doc(0);
                boolean all = oneOrAll(x.text(1), fn);
                for (int i = 2; i < x.v.length; i++) {
                    boolean found = !x.path(i).select(doc).isEmpty();
                    if (found && !all) {
                        return 1L;
                    }
                    if (!found && all) {
                        return 0L;
                    }
                }
                return all ? 1L : 0L;
            });
            case "JSON_SET" -> edit(fn, a, json, JsonEdits::set);
            case "JSON_INSERT" -> edit(fn, a, json, JsonEdits::insert);
            case "JSON_REPLACE" -> edit(fn, a, json, JsonEdits::replace);
            case "JSON_ARRAY_APPEND" -> edit(fn, a, json, JsonEdits::append);
            case "JSON_ARRAY_INSERT" -> arrayInsert(fn, a, json);
            case "JSON_OVERLAPS" -> make(fn, a, json, 2, 2, x -> x.anyNull(0, 2) ? null
                    : (Object) (JsonSetOperations.overlaps(x.doc(0), x.doc(1)) ? 1L : 0L));
            case MEMBER_OF -> make("member of", a, json, 2, 2, x -> x.anyNull(0, 2) ? null
                    : (Object) (JsonSetOperations.memberOf(x.value(0), x.doc(1)) ? 1L : 0L));
            case "JSON_REMOVE" -> make(fn, a, json, 2, Integer.MAX_VALUE, x -> {
                if (x.anyNull(0, x.v.length)) {
                    return null;
                }
                JsonNode doc = x.doc(0);
                for (int i = 1; i < x.v.length; i++) {
                    JsonPath p = x.path(i);
                    if (p.wildcard()) {
                        throw wildcard();
                    }
                    if (p.legs.isEmpty()) {
                        throw new SqlError(ErrorCode.JSON_VACUOUS_PATH,
                                "The path expression '$' is not allowed in this context.");
                    }
                    doc = JsonEdits.apply(doc, p.legs, 0, JsonEdits.remove());
                }
                return JsonText.print(doc);
            });
            case "JSON_MERGE_PATCH" -> make(fn, a, json, 2, Integer.MAX_VALUE, x -> {
                if (x.anyNull(0, x.v.length)) {
                    return null;
                }
                JsonNode doc = x.doc(0);
                for (int i = 1; i < x.v.length; i++) {
                    doc = JsonEdits.patch(doc, x.doc(i));
                }
                return JsonText.print(doc);
            });
            case "JSON_MERGE_PRESERVE", "JSON_MERGE" -> make(fn, a, json, 2, Integer.MAX_VALUE, x -> {
                if (x.anyNull(0, x.v.length)) {
                    return null;
                }
                JsonNode doc = x.doc(0);
                for (int i = 1; i < x.v.length; i++) {
                    doc = JsonEdits.preserve(doc, x.doc(i));
                }
                return JsonText.print(doc);
            });
            case "JSON_SEARCH" -> make(fn, a, json, 3, Integer.MAX_VALUE, JsonFunctions::search);
            case "JSON_PRETTY" -> make(fn, a, json, 1, 1, x -> x.v[0] == null ? null : JsonText.printPretty(x.doc(0)));
            default -> null;
        };
    }

    private static Expr make(String fn, Expr[] a, boolean[] json, int min, int max, Body body) {
        if (a.length < min || a.length > max) {
            throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function '" + fn + "'");
        }
        return (row, ctx) -> {
            Object[] v = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                v[i] = a[i].eval(row, ctx);
            }
            return body.apply(new Args(fn, v, json));
        };
    }

    /**
     * JSON_ARRAY_INSERT(doc, path, value, ...): each path must end in an array index (3165); the value goes in before
     * that index of the array the rest of the path finds (at the end when the index is past it). A path finding no
     * array changes nothing. Pairs apply in turn, each to the document the previous one made.
     */
    private static Expr arrayInsert(String fn, Expr[] a, boolean[] json) {
        return pathValuePairs(fn, a, json, (doc, p, value) -> {
            if (p.legs.isEmpty() || !(p.legs.get(p.legs.size() - 1) instanceof JsonPath.Index cell)) {
                throw new SqlError(ErrorCode.INVALID_JSON_PATH_ARRAY_CELL,
                        "A path expression is not a path to a cell in an array.");
            }
            return JsonEdits.apply(doc, p.legs.subList(0, p.legs.size() - 1), 0,
                    JsonSetOperations.insertInto(cell, value));
        });
    }

    private static Expr edit(String fn, Expr[] a, boolean[] json,
                             java.util.function.Function<JsonNode, JsonEdits.Change> change) {
        return pathValuePairs(fn, a, json, (doc, p, value) -> JsonEdits.apply(doc, p.legs, 0, change.apply(value)));
    }

    /** One (path, value) pair's edit of the document the previous pairs made. */
    private interface PairEdit {
        JsonNode apply(JsonNode doc, JsonPath path, JsonNode value);
    }

    /**
     * FN(doc, path, value [, path, value] ...): the pairs apply in turn; a NULL document or path is NULL, and a
     * wildcard path is refused (3149).
     */
    private static Expr pathValuePairs(String fn, Expr[] a, boolean[] json, PairEdit edit) {
        if (a.length < 3 || a.length % 2 == 0) {
            throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function '" + fn + "'");
        }
        return make(fn, a, json, 3, Integer.MAX_VALUE, x -> {
            if (x.v[0] == null) {
                return null;
            }
            JsonNode doc = x.doc(0);
            for (int i = 1; i < x.v.length; i += 2) {
                if (x.v[i] == null) {
                    return null;
                }
                JsonPath p = x.path(i);
                if (p.wildcard()) {
                    throw wildcard();
                }
                doc = edit.apply(doc, p, x.value(i + 1));
            }
            return JsonText.print(doc);
        });
    }

    private static Object extract(Args x) {
        if (x.anyNull(0, x.v.length)) {
            return null;
        }
        JsonNode doc = x.doc(0);
        if (x.v.length == 2) {
            JsonPath p = x.path(1);
            List<JsonNode> found = p.select(doc);
            if (found.isEmpty()) {
                return null;
            }
            if (!p.wildcard()) {
                return JsonText.print(found.get(0));
            }
            ArrayNode arr = JsonText.NODES.arrayNode();
            found.forEach(arr::add);
            return JsonText.print(arr);
        }
        ArrayNode arr = JsonText.NODES.arrayNode();
        for (int i = 1; i < x.v.length; i++) {
            x.path(i).select(doc).forEach(arr::add);
        }
        return arr.isEmpty() ? null : JsonText.print(arr);
    }

    private static Object object(Args x) {
        if (x.v.length % 2 != 0) {
            throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function '" + x.fn + "'");
        }
        ObjectNode o = JsonText.NODES.objectNode();
        for (int i = 0; i < x.v.length; i += 2) {
            if (x.v[i] == null) {
                throw new SqlError(ErrorCode.JSON_DOCUMENT_NULL_KEY, "JSON documents may not contain NULL member names.");
            }
            o.set(x.text(i), x.value(i + 1));
        }
        return JsonText.print(o);
    }

    /** The document, or the value at the optional path argument; null when either is NULL or nothing is there. */
    private static JsonNode target(Args x) {
        if (x.anyNull(0, x.v.length)) {
            return null;
        }
        JsonNode doc = x.doc(0);
        if (x.v.length > 1) {
            JsonPath p = x.path(1);
            if (p.wildcard()) {
                throw wildcard();
            }
            return p.first(doc);
        }
        return doc;
    }

    private static Object unquote(Args x) {
        return unquoteText(x.text(0));
    }

    /** JSON_UNQUOTE: a JSON string literal loses its quotes and escapes; any other text is returned as is. */
    static String unquoteText(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            try {
                JsonNode n = JsonText.parse(s);
                if (n.isTextual()) {
                    return n.textValue();
                }
            } catch (JsonText.InvalidJson e) {
                throw new SqlError(ErrorCode.INVALID_JSON_TEXT_IN_PARAM, "Invalid JSON text in argument 1 to "
                        + "function json_unquote: \"" + e.getMessage() + "\" at position " + e.position + ".");
            }
        }
        return s;
    }

    private static Object search(Args x) {
        if (x.anyNull(0, 3)) {
            return null;
        }
        JsonNode doc = x.doc(0);
        boolean all = oneOrAll(x.text(1), x.fn);
        char escape = x.v.length > 3 && x.v[3] != null && !x.text(3).isEmpty() ? x.text(3).charAt(0) : '\\';
        Pattern like = Like.toRegex(escape == '\\' ? x.text(2) : x.text(2).replace(String.valueOf(escape), "\\"));
        List<String> found = new ArrayList<>();
        List<JsonNode> roots = new ArrayList<>();
        if (x.v.length > 4) {
            for (int i = 4; i < x.v.length; i++) {
                roots.addAll(x.path(i).select(doc));
            }
        }
        searchStrings(doc, new ArrayList<>(), like, found, roots.isEmpty() ? null : roots, false);
        if (found.isEmpty()) {
            return null;
        }
        if (!all || found.size() == 1) {
            return JsonText.quote(found.get(0));
        }
        ArrayNode arr = JsonText.NODES.arrayNode();
        found.forEach(arr::add);
        return JsonText.print(arr);
    }

    private static void searchStrings(JsonNode n, List<Object> steps, Pattern like, List<String> found,
                                      List<JsonNode> roots, boolean inside) {
        boolean in = inside || roots == null || roots.stream().anyMatch(r -> r == n);
        if (n.isTextual()) {
            if (in && like.matcher(n.textValue()).matches()) {
                found.add(JsonPath.print(steps));
            }
        } else if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            keys.sort(JsonText.KEY_ORDER);
            for (String k : keys) {
                steps.add(k);
                searchStrings(n.get(k), steps, like, found, roots, in);
                steps.remove(steps.size() - 1);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                steps.add(i);
                searchStrings(n.get(i), steps, like, found, roots, in);
                steps.remove(steps.size() - 1);
            }
        }
    }

    private static boolean oneOrAll(String s, String fn) {
        if (s.equalsIgnoreCase("one")) {
            return false;
        }
        if (s.equalsIgnoreCase("all")) {
            return true;
        }
        throw new SqlError(ErrorCode.JSON_BAD_ONE_OR_ALL_ARG,
                "The oneOrAll argument to " + fn + " may take these values: 'one' or 'all'.");
    }

    private static int depth(JsonNode n) {
        int d = 0;
        for (JsonNode c : n) {
            d = Math.max(d, depth(c));
        }
        return n.isContainerNode() && n.size() > 0 ? d + 1 : 1;
    }

    private static SqlError wildcard() {
        return new SqlError(ErrorCode.INVALID_JSON_PATH_WILDCARD,
                "In this situation, path expressions may not contain the * and ** tokens or an array range.");
    }

    static JsonPath path(String text) {
        try {
            return JsonPath.parse(text);
        } catch (JsonPath.InvalidPath e) {
            throw new SqlError(ErrorCode.INVALID_JSON_PATH, e.getMessage());
        }
    }

    /** A document argument: its JSON text parsed, or 3141 naming the argument. */
    static JsonNode document(String fn, int index, Object v) {
        if (v == null) {
            return JsonText.NODES.nullNode();
        }
        try {
            return JsonText.parse(Values.toStringValue(v));
        } catch (JsonText.InvalidJson e) {
            throw new SqlError(ErrorCode.INVALID_JSON_TEXT_IN_PARAM, "Invalid JSON text in argument " + (index + 1)
                    + " to function " + fn + ": \"" + e.getMessage() + "\" at position " + e.position + ".");
        }
    }

    /**
     * A JSON value as the SQL value a cast to a non-text type starts from: booleans 1 / 0, numbers as numbers, a
     * string its unquoted text, anything else its JSON text.
     */
    public static Expr sqlValue(Expr json) {
        return (row, ctx) -> {
            Object v = json.eval(row, ctx);
            JsonNode n = v == null ? null : JsonCompare.document(v);
            if (n == null) {
                return v;
            }
            if (n.isBoolean()) {
                return n.booleanValue() ? 1L : 0L;
            }
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return n.longValue();
            }
            if (n.isNumber()) {
                return n.decimalValue();
            }
            if (n.isNull()) {
                return null;
            }
            return n.isTextual() ? n.textValue() : v;
        };
    }

    /** An SQL value as a JSON value, as MySQL converts it. */
    public static JsonNode scalar(Object v) {
        if (v == null) {
            return JsonText.NODES.nullNode();
        }
        if (v instanceof Boolean b) {
            return JsonText.NODES.booleanNode(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return JsonText.NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger bi) {
            return JsonText.NODES.numberNode(bi);
        }
        if (v instanceof BigDecimal d) {
            return JsonText.NODES.numberNode(d);
        }
        if (v instanceof Double || v instanceof Float) {
            return JsonText.NODES.numberNode(((Number) v).doubleValue());
        }
        return JsonText.NODES.textNode(Values.toStringValue(v));
    }

    /** MySQL text of a JSON document given as SQL text, for a JSON column: 3140 when it is not JSON. */
    public static String normaliseForColumn(String text, String column, long rowNumber) {
        try {
            return JsonText.print(JsonText.parse(text));
        } catch (JsonText.InvalidJson e) {
            throw new SqlError(ErrorCode.INVALID_JSON_TEXT, "Invalid JSON text: \"" + e.getMessage()
                    + "\" at position " + e.position + " in value for column '" + column + "'.");
        }
    }
}
