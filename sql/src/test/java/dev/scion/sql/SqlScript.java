package dev.scion.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SQL script in the scenario format of integration-tests (see integration-tests/README.md): {@code >}
 * lines hold a statement, the lines after it up to a blank line, comment or directive hold its expectation, and
 * {@code -- connection NAME[: DB]}, {@code -- close NAME} and {@code -- restart} switch sessions.
 */
record SqlScript(String name, List<Step> steps) {

    sealed interface Step permits Statement, Connect, Close, Restart {
        int line();
    }

    /** A statement and what it must produce. */
    record Statement(int line, String sql, Expectation expect) implements Step {
    }

    /** Open (or switch to) a session, optionally on a database; {@code expect} covers a failing connect. */
    record Connect(int line, String connection, String database, Expectation expect) implements Step {
    }

    record Close(int line, String connection) implements Step {
    }

    /** Closes the engine and opens the data directory again; every session is gone. */
    record Restart(int line) implements Step {
    }

    /** What a statement must produce; see the README's table. */
    record Expectation(Kind kind, Long affected, Integer errorCode, String sqlState, String messagePart,
                       Integer rowCount, boolean sorted, List<String> header, List<List<String>> rows) {
        enum Kind { ANY, OK, ERROR, ROWS, RESULT }

        static Expectation any() {
            return new Expectation(Kind.ANY, null, null, null, null, null, false, null, null);
        }
    }

    private static final Pattern CONNECTION = Pattern.compile("^--\\s+connection\\s+(\\S+?)(?::\\s*(\\S+))?\\s*$");
    private static final Pattern CLOSE = Pattern.compile("^--\\s+close\\s+(\\S+)\\s*$");
    private static final Pattern OK = Pattern.compile("^ok(?:\\s+(\\d+))?\\s*$");
    private static final Pattern ERROR =
            Pattern.compile("^error(?:\\s+(\\d+))?(?:\\s+([0-9A-Z]{5}))?\\s*(?::\\s*(.*))?$");
    private static final Pattern ROWS = Pattern.compile("^rows\\s+(\\d+)\\s*$");

    static SqlScript parse(String name, String text) {
        String[] lines = text.split("\n", -1);
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].stripTrailing();
            int lineNo = i + 1;
            Matcher m;
            if (line.isBlank() || line.startsWith("#") || line.matches("^--\\s+only\\s+\\S+\\s*$")) {
                i++;
            } else if ((m = CONNECTION.matcher(line)).matches()) {
                i++;
                List<String> exp = expectationLines(lines, i);
                i += exp.size();
                steps.add(new Connect(lineNo, m.group(1), m.group(2),
                        exp.isEmpty() ? Expectation.any() : expectation(exp, name + ":" + lineNo)));
            } else if ((m = CLOSE.matcher(line)).matches()) {
                steps.add(new Close(lineNo, m.group(1)));
                i++;
            } else if (line.matches("^--\\s+(restart|kill)\\s*$")) {
                steps.add(new Restart(lineNo));
                i++;
            } else if (line.startsWith(">")) {
                StringBuilder sql = new StringBuilder();
                while (i < lines.length && lines[i].startsWith(">")) {
                    String part = lines[i].substring(1).strip();
                    i++;
                    if (sql.length() > 0) {
                        sql.append('\n');
                    }
                    sql.append(part);
                    if (part.endsWith(";")) {
                        break;
                    }
                }
                String stmt = sql.toString().strip();
                if (stmt.endsWith(";")) {
                    stmt = stmt.substring(0, stmt.length() - 1).stripTrailing();
                }
                boolean followedByStatement = i < lines.length && lines[i].startsWith(">");
                List<String> exp = followedByStatement ? List.of() : expectationLines(lines, i);
                i += exp.size();
                steps.add(new Statement(lineNo, stmt,
                        exp.isEmpty() ? Expectation.any() : expectation(exp, name + ":" + lineNo)));
            } else {
                throw new AssertionError("script syntax error at " + name + ":" + lineNo + ": " + line);
            }
        }
        return new SqlScript(name, steps);
    }

    private static List<String> expectationLines(String[] lines, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            String l = lines[i].stripTrailing();
            if (l.isBlank() || l.startsWith("#") || l.startsWith(">") || l.startsWith("-- ")) {
                break;
            }
            out.add(l);
        }
        return out;
    }

    static Expectation expectation(List<String> lines, String where) {
        String first = lines.get(0).strip();
        Matcher m;
        if ((m = OK.matcher(first)).matches()) {
            single(lines, where);
            return new Expectation(Expectation.Kind.OK, m.group(1) == null ? null : Long.parseLong(m.group(1)),
                    null, null, null, null, false, null, null);
        }
        if ((m = ERROR.matcher(first)).matches()) {
            single(lines, where);
            String text = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).strip();
            return new Expectation(Expectation.Kind.ERROR, null,
                    m.group(1) == null ? null : Integer.parseInt(m.group(1)), m.group(2), text, null, false, null,
                    null);
        }
        if ((m = ROWS.matcher(first)).matches()) {
            single(lines, where);
            return new Expectation(Expectation.Kind.ROWS, null, null, null, null, Integer.parseInt(m.group(1)),
                    false, null, null);
        }
        boolean sorted = first.equals("sorted");
        List<String> table = sorted ? lines.subList(1, lines.size()) : lines;
        if (table.isEmpty()) {
            throw new AssertionError("script syntax error at " + where + ": 'sorted' needs a header line");
        }
        List<String> header = cells(table.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (String l : table.subList(1, table.size())) {
            List<String> r = cells(l);
            if (r.size() != header.size()) {
                throw new AssertionError("script syntax error near " + where + ": row has " + r.size()
                        + " cells, the header " + header.size() + ": " + l);
            }
            rows.add(r);
        }
        return new Expectation(Expectation.Kind.RESULT, null, null, null, null, null, sorted, header, rows);
    }

    private static void single(List<String> lines, String where) {
        if (lines.size() != 1) {
            throw new AssertionError("script syntax error near " + where + ": expected a single expectation line");
        }
    }

    /** Splits {@code a | b} on unescaped bars, trimming each cell; {@code \|} is a literal bar. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
            } else if (c == '|') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }
}
