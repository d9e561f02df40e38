package dev.scion.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed scenario file (format: integration-tests/README.md; sql's SqlScriptTest reads the same format). A scenario is a list of steps: directives
 * ({@code -- connection a: mydb/feature}, {@code -- close a}, {@code -- restart}, {@code -- kill}) and statements
 * ({@code > SQL}) each with an expectation.
 */
public record Scenario(String name, Path source, String onlyRunner, List<Step> steps) {

    /** Runner names for {@code -- only RUNNER}. */
    public static final Set<String> RUNNERS = Set.of("jdbc", "cli");

    public sealed interface Step permits Directive, Statement {
        int line();
    }

    /**
     * {@code -- connection NAME[: DATABASE]}, {@code -- close NAME}, {@code -- restart}, {@code -- kill}. A
     * connection directive may carry an expectation (only {@code ok} or {@code error ...}) for the connect itself.
     */
    public record Directive(int line, String kind, String name, String database, Expectation expectation)
            implements Step {}

    /** One SQL statement and what it must produce. */
    public record Statement(int line, String sql, Expectation expectation) implements Step {}

    public boolean runsOn(String runner) {
        return onlyRunner == null || onlyRunner.equals(runner);
    }

    /** Names given in {@code CREATE DATABASE [IF NOT EXISTS] name} statements (for cleaning an external server). */
    public List<String> createdDatabases() {
        Pattern p = Pattern.compile("(?i)\\bCREATE\\s+(?:DATABASE|SCHEMA)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?([A-Za-z0-9_$]+)`?");
        List<String> names = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Statement st) {
                Matcher m = p.matcher(st.sql());
                while (m.find()) {
                    if (!names.contains(m.group(1))) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    public boolean needsServerControl() {
        return steps.stream().anyMatch(s -> s instanceof Directive d && (d.kind().equals("restart") || d.kind().equals("kill")));
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------------------------------ parsing

    private static final Pattern CONNECTION = Pattern.compile("^connection\\s+([A-Za-z0-9_]+)\\s*(?::\\s*(\\S+))?\\s*$");

    /** Parses a scenario file; a syntax error throws an AssertionError naming file and line. */
    public static Scenario parse(String name, Path source, String text) {
        String[] lines = text.replace("\r", "").split("\n", -1);
        List<Step> steps = new ArrayList<>();
        String only = null;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            if (line.startsWith("-- ") || line.equals("--")) {
                String d = line.substring(2).strip();
                String word = d.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                List<String> exp = new ArrayList<>();
                int j = expectationLines(lines, i + 1, exp);
                Expectation e = exp.isEmpty() ? Expectation.any() : Expectation.parse(exp, where(name, lineNo));
                switch (word) {
                    case "connection" -> {
                        Matcher m = CONNECTION.matcher(d);
                        if (!m.matches()) {
                            throw syntax(name, lineNo, "expected '-- connection NAME[: DATABASE]'");
                        }
                        if (e.kind() != Expectation.Kind.ANY && e.kind() != Expectation.Kind.OK
                                && e.kind() != Expectation.Kind.ERROR) {
                            throw syntax(name, lineNo, "a connection can only expect 'ok' or 'error ...'");
                        }
                        steps.add(new Directive(lineNo, "connection", m.group(1), m.group(2), e));
                    }
                    case "close" -> {
                        String[] parts = d.split("\\s+");
                        if (parts.length != 2) {
                            throw syntax(name, lineNo, "expected '-- close NAME'");
                        }
                        steps.add(new Directive(lineNo, "close", parts[1], null, Expectation.any()));
                    }
                    case "restart", "kill" -> {
                        if (!d.equalsIgnoreCase(word)) {
                            throw syntax(name, lineNo, "'-- " + word + "' takes no arguments");
                        }
                        steps.add(new Directive(lineNo, word, null, null, Expectation.any()));
                    }
                    case "only" -> {
                        String[] parts = d.split("\\s+");
                        if (parts.length != 2 || !RUNNERS.contains(parts[1])) {
                            throw syntax(name, lineNo, "expected '-- only jdbc' or '-- only cli'");
                        }
                        only = parts[1];
                    }
                    default -> throw syntax(name, lineNo, "unknown directive '" + word
                            + "' (connection, close, restart, kill, only)");
                }
                if (!word.equals("connection") && !exp.isEmpty()) {
                    throw syntax(name, lineNo + 1, "only a connection directive can have an expectation");
                }
                i = j;
                continue;
            }
            if (line.startsWith(">")) {
                // a run of '>' lines: each line ending in ';' ends a statement; other lines continue it
                List<int[]> starts = new ArrayList<>();
                List<String> stmts = new ArrayList<>();
                StringBuilder sql = new StringBuilder();
                int stmtLine = lineNo;
                int j = i;
                while (j < lines.length && lines[j].startsWith(">")) {
                    String part = lines[j].substring(1);
                    if (part.startsWith(" ")) {
                        part = part.substring(1);
                    }
                    if (sql.length() == 0) {
                        stmtLine = j + 1;
                    } else {
                        sql.append('\n');
                    }
                    sql.append(part);
                    if (part.stripTrailing().endsWith(";")) {
                        stmts.add(sql.toString().strip());
                        starts.add(new int[] {stmtLine});
                        sql.setLength(0);
                    }
                    j++;
                }
                if (!sql.toString().isBlank()) {
                    stmts.add(sql.toString().strip());
                    starts.add(new int[] {stmtLine});
                }
                List<String> exp = new ArrayList<>();
                j = expectationLines(lines, j, exp);
                for (int k = 0; k < stmts.size(); k++) {
                    String stmt = stmts.get(k);
                    int at = starts.get(k)[0];
                    if (stmt.isEmpty() || stmt.equals(";")) {
                        throw syntax(name, at, "empty statement");
                    }
                    boolean last = k == stmts.size() - 1;
                    Expectation e = !last || exp.isEmpty() ? Expectation.any() : Expectation.parse(exp, where(name, at));
                    steps.add(new Statement(at, stmt, e));
                }
                i = j;
                continue;
            }
            throw syntax(name, lineNo, "expected '> SQL', '-- directive', '# comment' or a blank line, got: " + line);
        }
        return new Scenario(name, source, only, List.copyOf(steps));
    }

    /** Collects expectation lines from {@code from} up to a blank line, a comment, a statement or a directive. */
    private static int expectationLines(String[] lines, int from, List<String> out) {
        int j = from;
        while (j < lines.length) {
            String l = lines[j];
            if (l.isBlank() || l.startsWith(">") || l.startsWith("-- ") || l.equals("--") || l.startsWith("#")) {
                break;
            }
            out.add(l);
            j++;
        }
        return j;
    }

    public static String where(String name, int line) {
        return name + ".test:" + line;
    }

    private static AssertionError syntax(String name, int line, String msg) {
        return new AssertionError("scenario syntax error at " + where(name, line) + ": " + msg);
    }
}
