package dev.scion.sql.routine;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET [CURRENT | STACKED] DIAGNOSTICS target = NUMBER | ROW_COUNT, ...} and
 * {@code GET ... DIAGNOSTICS CONDITION n target = MESSAGE_TEXT | MYSQL_ERRNO | RETURNED_SQLSTATE | ..., ...}:
 * the parsed statement, and the values it assigns read from a {@link DiagnosticsArea}. Targets are user variables
 * or, in a stored program, its local variables and parameters; {@code n} is an expression the caller evaluates.
 */
public record GetDiagnostics(boolean stacked, String conditionNumber, List<Item> items) {
    /** {@code target = ITEM_NAME}. */
    public record Item(String target, String name) {
    }

    private static final Pattern START = Pattern.compile("(?is)\\s*GET\\s+(?:(?:CURRENT|STACKED)\\s+)?DIAGNOSTICS\\b.*");
    private static final Pattern STATEMENT = Pattern.compile(
            "(?is)\\s*GET\\s+(?:(CURRENT|STACKED)\\s+)?DIAGNOSTICS\\s+(?:CONDITION\\s+(@?[\\w$]+|`(?:[^`]|``)+`)\\s+)?"
                    + "(.+?)\\s*;?\\s*");
    private static final Pattern ITEM = Pattern.compile(
            "(?is)\\s*(@?[\\w$]+|@?`(?:[^`]|``)+`|@'(?:[^']|'')*')\\s*=\\s*([A-Z_]+)\\s*");
    private static final Set<String> STATEMENT_ITEMS = Set.of("NUMBER", "ROW_COUNT");
    private static final Set<String> CONDITION_ITEMS = Set.of("CLASS_ORIGIN", "SUBCLASS_ORIGIN", "RETURNED_SQLSTATE",
            "MESSAGE_TEXT", "MYSQL_ERRNO", "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
            "CATALOG_NAME", "SCHEMA_NAME", "TABLE_NAME", "COLUMN_NAME", "CURSOR_NAME");

    /** Whether {@code sql} is a GET DIAGNOSTICS statement (which leaves the diagnostics area as it is). */
    public static boolean startsWith(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return sql.regionMatches(true, i, "GET", 0, 3) && START.matcher(sql).matches();
    }

    /** Parses the statement; a malformed one is 1064 as MySQL's parser gives it. */
    public static GetDiagnostics parse(String sql) {
        Matcher m = STATEMENT.matcher(sql);
        if (!m.matches()) {
            throw SqlError.parse(sql.strip(), 1);
        }
        boolean condition = m.group(2) != null;
        List<Item> items = new ArrayList<>();
        for (String part : m.group(3).split(",")) {
            Matcher im = ITEM.matcher(part);
            String name = im.matches() ? im.group(2).toUpperCase(Locale.ROOT) : null;
            if (name == null || !(condition ? CONDITION_ITEMS : STATEMENT_ITEMS).contains(name)) {
                throw SqlError.parse(part.strip(), 1);
            }
            items.add(new Item(im.group(1), name));
        }
        return new GetDiagnostics("STACKED".equalsIgnoreCase(m.group(1)), m.group(2), List.copyOf(items));
    }

    /**
     * The value of each item, in order, read from {@code area}; {@code condition} is the evaluated condition
     * number (ignored for statement items). A number outside 1..NUMBER is 1758.
     */
    public List<Object> values(DiagnosticsArea area, Object condition) {
        List<Object> out = new ArrayList<>(items.size());
        Session.Warning c = null;
        if (conditionNumber != null) {
            long n = condition instanceof Number num ? num.longValue() : parseNumber(condition);
            if (n < 1 || n > area.conditions().size()) {
                throw new SqlError(ErrorCode.DA_INVALID_CONDITION_NUMBER, "Invalid condition number");
            }
            c = area.conditions().get((int) n - 1);
        }
        for (Item item : items) {
            out.add(c == null ? statementItem(area, item.name()) : conditionItem(c, item.name()));
        }
        return out;
    }

    private static long parseNumber(Object v) {
        try {
            return v == null ? 0 : (long) Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Object statementItem(DiagnosticsArea area, String name) {
        return name.equals("NUMBER") ? (long) area.conditions().size() : area.rowCount();
    }

    private static Object conditionItem(Session.Warning c, String name) {
        return switch (name) {
            case "RETURNED_SQLSTATE" -> c.sqlState();
            case "MESSAGE_TEXT" -> c.message();
            case "MYSQL_ERRNO" -> (long) c.code();
            // SQL-standard classes and subclasses are the standard's; the rest are MySQL's own
            case "CLASS_ORIGIN" -> standardClass(c.sqlState()) ? "ISO 9075" : "MySQL";
            case "SUBCLASS_ORIGIN" -> standardClass(c.sqlState()) && c.sqlState().endsWith("000") ? "ISO 9075"
                    : "MySQL";
            default -> ""; // the constraint, table, column and cursor names: Scion's conditions name none
        };
    }

    private static boolean standardClass(String state) {
        char first = state.isEmpty() ? 'X' : state.charAt(0);
        return first >= '0' && first <= '4' || first >= 'A' && first <= 'H';
    }
}
