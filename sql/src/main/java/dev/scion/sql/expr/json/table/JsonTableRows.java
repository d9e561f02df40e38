package dev.scion.sql.expr.json.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.json.JsonPath;
import dev.scion.sql.expr.json.JsonText;
import org.apache.calcite.rel.type.RelDataType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of one JSON_TABLE over one document, by MySQL's rules: the row path's matches are the rows; a value
 * column reads its path relative to the row (nothing found: ON EMPTY; several values, or one the column type
 * cannot hold: ON ERROR; both default to NULL); FOR ORDINALITY counts the rows of its level from 1; a NESTED PATH
 * joins each row to the nested path's rows like a left outer join, and sibling NESTED PATHs give their rows one
 * after the other (the other siblings' columns NULL), not a cross product.
 */
final class JsonTableRows {
    private final Level top;
    private final int width;

    /** One COLUMNS clause: its row path, its own columns (with their output positions), its NESTED PATHs. */
    private record Level(JsonPath path, List<Column> columns, List<Level> nested, int from, int to) {
    }

    private record Column(JsonTableColumn def, JsonPath path, RelDataType type, boolean json, int position) {
    }

    /** {@code types} are the output column types, in the order of {@link JsonTableFunction#flatten}. */
    JsonTableRows(String rowPath, List<JsonTableColumn> columns, List<RelDataType> types) {
        int[] next = {0};
        this.top = level(path(rowPath), columns, types, next);
        this.width = next[0];
    }

    private static Level level(JsonPath path, List<JsonTableColumn> defs, List<RelDataType> types, int[] next) {
        int from = next[0];
        List<Column> columns = new ArrayList<>();
        List<Level> nested = new ArrayList<>();
        for (JsonTableColumn c : defs) {
            if (c.kind() == JsonTableColumn.Kind.NESTED) {
                nested.add(level(path(c.path()), c.nested(), types, next));
            } else {
                int at = next[0]++;
                boolean json = c.type() != null && c.type().getTypeName().equals("JSON");
                columns.add(new Column(c, c.path() == null ? null : path(c.path()), types.get(at), json, at));
            }
        }
        return new Level(path, columns, nested, from, next[0]);
    }

    /** A path of JSON_TABLE: 3143 when malformed. */
    static JsonPath path(String text) {
        try {
            return JsonPath.parse(text);
        } catch (JsonPath.InvalidPath e) {
            throw new SqlError(ErrorCode.INVALID_JSON_PATH, e.getMessage());
        }
    }

    List<Object[]> rows(JsonNode doc) {
        List<Object[]> out = new ArrayList<>();
        List<JsonNode> matches = top.path().select(doc);
        for (int i = 0; i < matches.size(); i++) {
            for (Object[] r : levelRows(top, matches.get(i), i + 1)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rows one match of {@code level} gives: its own values, times its nested levels' rows. */
    private List<Object[]> levelRows(Level level, JsonNode context, long ordinal) {
        Object[] own = new Object[width];
        for (Column c : level.columns()) {
            own[c.position()] = value(c, context, ordinal);
        }
        List<Object[]> out = new ArrayList<>();
        for (Level n : level.nested()) {
            List<JsonNode> matches = n.path().select(context);
            for (int i = 0; i < matches.size(); i++) {
                for (Object[] child : levelRows(n, matches.get(i), i + 1)) {
                    Object[] r = own.clone();
                    System.arraycopy(child, n.from(), r, n.from(), n.to() - n.from());
                    out.add(r);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(own); // no nested level matched: the row with their columns NULL
        }
        return out;
    }

    private static Object value(Column c, JsonNode context, long ordinal) {
        JsonTableColumn def = c.def();
        switch (def.kind()) {
            case ORDINALITY:
                return ordinal;
            case EXISTS:
                return convertOrNull(c, JsonText.parse(c.path().select(context).isEmpty() ? "0" : "1"));
            default:
                break;
        }
        List<JsonNode> found = c.path().select(context);
        if (found.isEmpty()) {
            return handle(c, def.onEmpty(), def.emptyDefault(), true, null);
        }
        if (found.size() > 1) {
            return handle(c, def.onError(), def.errorDefault(), false, null);
        }
        try {
            return convert(c, found.get(0));
        } catch (Unconvertible e) {
            return handle(c, def.onError(), def.errorDefault(), false,
                    found.get(0).isContainerNode() ? null : e.getMessage());
        }
    }

    private static Object convertOrNull(Column c, JsonNode v) {
        try {
            return convert(c, v);
        } catch (Unconvertible e) {
            return null;
        }
    }

    private static Object handle(Column c, JsonTableColumn.OnMissing h, String dflt, boolean empty, String why) {
        switch (h) {
            case NULL:
                return null;
            case DEFAULT:
                JsonNode d;
                try {
                    d = JsonText.parse(dflt); // MySQL parses the DEFAULT as JSON text
                } catch (JsonText.InvalidJson e) {
                    throw new SqlError(ErrorCode.INVALID_JSON_TEXT_IN_PARAM, "Invalid JSON text in argument 1 to "
                            + "function JSON_TABLE: \"" + e.getMessage() + "\" at position " + e.position + ".");
                }
                try {
                    return convert(c, d);
                } catch (Unconvertible e) {
                    throw new SqlError(ErrorCode.INVALID_DEFAULT, "Invalid default value for '" + c.def().name() + "'");
                }
            default:
                if (empty) {
                    throw new SqlError(ErrorCode.JSON_TABLE_MISSING_VALUE,
                            "Missing value for JSON_TABLE column '" + c.def().name() + "'");
                }
                if (why == null) {
                    throw new SqlError(ErrorCode.JSON_TABLE_WRONG_VALUE,
                            "Can't store an array or an object in the scalar column '" + c.def().name()
                                    + "' of JSON_TABLE");
                }
                throw new SqlError(ErrorCode.INVALID_JSON_VALUE_FOR_CAST, "Invalid JSON value for CAST to "
                        + c.type().getSqlTypeName() + " from column " + c.def().name() + ": " + why);
        }
    }

    /** A value the column type cannot hold. */
    private static final class Unconvertible extends Exception {
        Unconvertible(String message) {
            super(message, null, false, false);
        }
    }

    /** A JSON value as the SQL value of the column's type; JSON null is SQL NULL. */
    private static Object convert(Column c, JsonNode v) throws Unconvertible {
        if (c.json()) {
            return JsonText.print(v);
        }
        if (v.isNull()) {
            return null;
        }
        RelDataType t = c.type();
        switch (t.getSqlTypeName()) {
            case CHAR:
            case VARCHAR: {
                String s = v.isTextual() ? v.textValue() : JsonText.print(v);
                if (t.getPrecision() > 0 && s.codePointCount(0, s.length()) > t.getPrecision()) {
                    throw new Unconvertible("value too long");
                }
                return s;
            }
            case BINARY:
            case VARBINARY:
                return (v.isTextual() ? v.textValue() : JsonText.print(v)).getBytes(StandardCharsets.UTF_8);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return integer(v);
            case DECIMAL: {
                BigDecimal d = decimal(v);
                return d.setScale(Math.max(0, t.getScale()), RoundingMode.HALF_UP);
            }
            case FLOAT:
            case REAL:
            case DOUBLE:
                return decimal(v).doubleValue();
            case DATE:
                return temporal(v, s -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
            case TIMESTAMP:
                return temporal(v, s -> LocalDateTime.parse(s.replace(' ', 'T')));
            case TIME:
                return temporal(v, LocalTime::parse);
            default:
                return v.isTextual() ? v.textValue() : JsonText.print(v);
        }
    }

    private static Object integer(JsonNode v) throws Unconvertible {
        if (v.isBoolean()) {
            return v.booleanValue() ? 1L : 0L;
        }
        BigDecimal d = decimal(v).setScale(0, RoundingMode.HALF_UP);
        BigInteger i = d.toBigInteger();
        if (i.bitLength() > 63) {
            throw new Unconvertible("out of range");
        }
        return i.longValue();
    }

    private static BigDecimal decimal(JsonNode v) throws Unconvertible {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().strip());
            } catch (NumberFormatException e) {
                throw new Unconvertible("'" + v.textValue() + "' is not a number");
            }
        }
        throw new Unconvertible("not a scalar");
    }

    private interface Parser {
        Object parse(String s);
    }

    private static Object temporal(JsonNode v, Parser p) throws Unconvertible {
        if (!v.isTextual()) {
            throw new Unconvertible("not a date or time");
        }
        try {
            return p.parse(v.textValue().strip());
        } catch (RuntimeException e) {
            throw new Unconvertible("'" + v.textValue() + "' is not a date or time".toLowerCase(Locale.ROOT));
        }
    }
}
