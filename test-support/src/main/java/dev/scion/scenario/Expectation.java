package dev.scion.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement (or a connect) must produce.
 *
 * <pre>
 *   (no lines)                    success of any kind
 *   ok                            success without a result set
 *   ok N                          success without a result set, N affected rows
 *   error                         any error
 *   error CODE [SQLSTATE] [: TEXT]  that MySQL error code (and SQLSTATE; message contains TEXT)
 *   rows N                        a result set of N rows (cells not checked)
 *   [sorted]                      then a result set whose rows may come in any order
 *   a | b | c                     a result set: header line, then one line per row
 * </pre>
 */
public record Expectation(Kind kind, Long affected, Integer errorCode, String sqlState, String messagePart,
                          Integer rowCount, boolean sorted, List<String> header, List<List<String>> rows) {

    public enum Kind { ANY, OK, ERROR, ROWS, RESULT }

    private static final Pattern OK = Pattern.compile("^ok(?:\\s+(\\d+))?\\s*$");
    private static final Pattern ERROR = Pattern.compile("^error(?:\\s+(\\d+))?(?:\\s+([0-9A-Z]{5}))?\\s*(?::\\s*(.*))?$");
    private static final Pattern ROWS = Pattern.compile("^rows\\s+(\\d+)\\s*$");

    public static Expectation any() {
        return new Expectation(Kind.ANY, null, null, null, null, null, false, null, null);
    }

    static Expectation parse(List<String> lines, String where) {
        String first = lines.get(0).strip();
        Matcher m;
        if ((m = OK.matcher(first)).matches()) {
            single(lines, where, "ok");
            return new Expectation(Kind.OK, m.group(1) == null ? null : Long.parseLong(m.group(1)), null, null, null,
                    null, false, null, null);
        }
        if ((m = ERROR.matcher(first)).matches()) {
            single(lines, where, "error");
            String text = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).strip();
            return new Expectation(Kind.ERROR, null, m.group(1) == null ? null : Integer.parseInt(m.group(1)),
                    m.group(2), text, null, false, null, null);
        }
        if ((m = ROWS.matcher(first)).matches()) {
            single(lines, where, "rows");
            return new Expectation(Kind.ROWS, null, null, null, null, Integer.parseInt(m.group(1)), false, null, null);
        }
        boolean sorted = first.equals("sorted");
        List<String> table = sorted ? lines.subList(1, lines.size()) : lines;
        if (table.isEmpty()) {
            throw new AssertionError("scenario syntax error at " + where + ": 'sorted' must be followed by a header line");
        }
        List<String> header = splitCells(table.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (String l : table.subList(1, table.size())) {
            List<String> r = splitCells(l);
            if (r.size() != header.size()) {
                throw new AssertionError("scenario syntax error near " + where + ": row has " + r.size()
                        + " cells but the header has " + header.size() + ": " + l);
            }
            rows.add(r);
        }
        return new Expectation(Kind.RESULT, null, null, null, null, null, sorted, header, rows);
    }

    private static void single(List<String> lines, String where, String what) {
        if (lines.size() != 1) {
            throw new AssertionError("scenario syntax error near " + where + ": '" + what
                    + "' must be the only expectation line, then a blank line");
        }
    }

    /** Splits {@code a | b | c} on unescaped '|', trimming each cell; {@code \|} is a literal bar. */
    static List<String> splitCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString().strip());
        return cells;
    }

    public String describe() {
        return switch (kind) {
            case ANY -> "success";
            case OK -> affected == null ? "ok" : "ok " + affected;
            case ERROR -> "error" + (errorCode == null ? "" : " " + errorCode) + (sqlState == null ? "" : " " + sqlState)
                    + (messagePart == null ? "" : " : " + messagePart);
            case ROWS -> "rows " + rowCount;
            case RESULT -> (sorted ? "sorted\n" : "") + Outcome.table(header, rows);
        };
    }
}
