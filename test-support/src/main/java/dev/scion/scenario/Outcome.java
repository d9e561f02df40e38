package dev.scion.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client saw for one statement: OK (affected rows, null when the client does not show them), a result set
 * (columns null when the client does not show a header, e.g. the CLI's "Empty set"), or an error. Cells are strings;
 * SQL NULL is the string {@code NULL}.
 */
public record Outcome(Kind kind, Long affected, List<String> columns, List<List<String>> rows, Integer errorCode,
                      String sqlState, String message) {

    public enum Kind { OK, RESULT, ERROR }

    public static final String HASH_REGEX = "[0-9a-v]{32}";
    private static final Pattern PLACEHOLDER = Pattern.compile("^<(any|hash|int|empty|re:.*?)(?:=([A-Za-z0-9_]+))?>$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    public static Outcome ok(Long affected) {
        return new Outcome(Kind.OK, affected, null, null, null, null, null);
    }

    public static Outcome result(List<String> columns, List<List<String>> rows) {
        return new Outcome(Kind.RESULT, null, columns, rows, null, null, null);
    }

    public static Outcome error(int code, String sqlState, String message) {
        return new Outcome(Kind.ERROR, null, null, null, code, sqlState, message);
    }

    public String describe() {
        return switch (kind) {
            case OK -> affected == null ? "ok (affected rows not shown)" : "ok " + affected;
            case ERROR -> "error " + errorCode + " " + sqlState + " : " + message;
            case RESULT -> table(columns, rows);
        };
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(header == null ? "(no header shown)" : String.join(" | ", header)).append('\n');
        for (List<String> r : rows) {
            sb.append(String.join(" | ", r)).append('\n');
        }
        if (rows.isEmpty()) {
            sb.append("(no rows)\n");
        }
        return sb.toString().stripTrailing();
    }

    /** Replaces {@code ${name}} with bound values; an unbound name is an error. */
    public static String substitute(String text, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new AssertionError("variable ${" + m.group(1) + "} is not bound (bind it with <hash=" + m.group(1)
                        + "> or <any=" + m.group(1) + "> in an earlier expected result)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Checks this outcome against an expectation; returns null when it matches, else a reason. Bindings made by
     * {@code <kind=name>} placeholders are added to vars only when the whole outcome matches.
     */
    public String mismatch(Expectation e, Map<String, String> vars) {
        switch (e.kind()) {
            case ANY:
                return kind == Kind.ERROR ? "expected success" : null;
            case OK:
                if (kind != Kind.OK) {
                    return "expected ok" + (e.affected() == null ? "" : " " + e.affected());
                }
                if (e.affected() != null && !Objects.equals(e.affected(), affected)) {
                    return "expected " + e.affected() + " affected rows, got " + (affected == null ? "no count" : affected);
                }
                return null;
            case ERROR:
                if (kind != Kind.ERROR) {
                    return "expected an error";
                }
                if (e.errorCode() != null && !e.errorCode().equals(errorCode)) {
                    return "expected error code " + e.errorCode();
                }
                if (e.sqlState() != null && !e.sqlState().equals(sqlState)) {
                    return "expected SQLSTATE " + e.sqlState();
                }
                if (e.messagePart() != null && (message == null
                        || !message.toLowerCase().contains(substitute(e.messagePart(), vars).toLowerCase()))) {
                    return "expected the message to contain '" + e.messagePart() + "'";
                }
                return null;
            case ROWS:
                if (kind != Kind.RESULT) {
                    return "expected a result set";
                }
                return rows.size() == e.rowCount() ? null : "expected " + e.rowCount() + " rows, got " + rows.size();
            case RESULT:
                if (kind != Kind.RESULT) {
                    return "expected a result set";
                }
                Map<String, String> trial = new HashMap<>(vars);
                if (columns != null) {
                    if (columns.size() != e.header().size() || !rowMatches(e.header(), columns, trial)) {
                        return "column names differ";
                    }
                } else if (!e.rows().isEmpty()) {
                    return "expected rows";
                }
                if (rows.size() != e.rows().size()) {
                    return "expected " + e.rows().size() + " rows, got " + rows.size();
                }
                for (List<String> r : rows) {
                    if (columns == null ? r.size() != e.header().size() : r.size() != columns.size()) {
                        return "row width differs";
                    }
                }
                if (!e.sorted()) {
                    for (int i = 0; i < rows.size(); i++) {
                        if (!rowMatches(e.rows().get(i), rows.get(i), trial)) {
                            return "row " + (i + 1) + " differs";
                        }
                    }
                } else {
                    boolean[] used = new boolean[rows.size()];
                    for (List<String> expected : e.rows()) {
                        boolean found = false;
                        for (int i = 0; i < rows.size() && !found; i++) {
                            if (!used[i]) {
                                Map<String, String> attempt = new HashMap<>(trial);
                                if (rowMatches(expected, rows.get(i), attempt)) {
                                    used[i] = true;
                                    trial = attempt;
                                    found = true;
                                }
                            }
                        }
                        if (!found) {
                            return "no row matches expected row: " + String.join(" | ", expected);
                        }
                    }
                }
                vars.putAll(trial);
                return null;
            default:
                throw new IllegalStateException();
        }
    }

    private static boolean rowMatches(List<String> expected, List<String> actual, Map<String, String> vars) {
        for (int i = 0; i < expected.size(); i++) {
            if (!cellMatches(expected.get(i), actual.get(i), vars)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One cell: {@code NULL}, {@code <any>}, {@code <hash>} (32 chars of 0-9a-v), {@code <int>}, {@code <empty>},
     * {@code <re:REGEX>}, each optionally binding {@code <hash=name>}; {@code ${name}} is replaced first; anything
     * else compares literally.
     */
    static boolean cellMatches(String expected, String actual, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(expected);
        if (!m.matches()) {
            return substitute(expected, vars).equals(actual);
        }
        String kind = m.group(1);
        boolean ok = switch (kind) {
            case "any" -> true;
            case "hash" -> actual != null && actual.matches(HASH_REGEX);
            case "int" -> actual != null && actual.matches("-?\\d+");
            case "empty" -> "".equals(actual);
            default -> actual != null && actual.matches(kind.substring(3));
        };
        if (!ok) {
            return false;
        }
        String var = m.group(2);
        if (var != null) {
            String bound = vars.get(var);
            if (bound != null) {
                return bound.equals(actual);
            }
            vars.put(var, actual);
        }
        return true;
    }

    /** Copies rows to immutable lists of strings. */
    public static List<List<String>> copy(List<List<String>> rows) {
        List<List<String>> c = new ArrayList<>();
        for (List<String> r : rows) {
            c.add(List.copyOf(r));
        }
        return c;
    }
}
