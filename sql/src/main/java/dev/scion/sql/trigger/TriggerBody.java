package dev.scion.sql.trigger;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.StatementSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trigger's program: one statement or a {@code BEGIN ... END} block of statements, run in order for each row.
 * Supported statements are {@code SET NEW.col = expr} (and user and local variables), SIGNAL, any INSERT /
 * UPDATE / DELETE / REPLACE / SET / DO, DECLARE of local variables, IF / ELSEIF / ELSE, WHILE ... DO and
 * REPEAT ... UNTIL. Other compound statements (CASE, LOOP with LEAVE, cursors, handlers) are refused with 1235
 * when the trigger is created.
 */
public record TriggerBody(List<Step> steps) {

    /** One statement of the body. */
    public interface Step {
    }

    /** {@code SET target = expr, ...}: targets are {@code NEW.col}, {@code OLD.col} or variables. */
    public record Assign(List<Assignment> assignments) implements Step {
    }

    /** One assignment: {@code row} is NEW or OLD for a row column, null for a variable ({@code target} as written). */
    public record Assignment(String row, String target, String expr) {
    }

    /** A statement run through the normal statement path once its NEW/OLD references are values. */
    public record Run(String sql) implements Step {
    }

    /** {@code SIGNAL SQLSTATE 'xxxxx' [SET MESSAGE_TEXT = expr]}: fails the statement that fired the trigger. */
    public record Signal(String sqlState, String messageExpr) implements Step {
    }

    /** {@code DECLARE a, b INT [DEFAULT expr]}: locals of the body, NULL unless a default is given. */
    public record Declare(List<String> names, String defaultExpr) implements Step {
    }

    /** One IF or ELSEIF arm. */
    public record Branch(String condition, List<Step> steps) {
    }

    /** {@code IF c THEN ... [ELSEIF c THEN ...] [ELSE ...] END IF}. */
    public record If(List<Branch> branches, List<Step> otherwise) implements Step {
    }

    /** {@code WHILE c DO ... END WHILE}. */
    public record While(String condition, List<Step> steps) implements Step {
    }

    /** {@code REPEAT ... UNTIL c END REPEAT}: the body runs at least once. */
    public record Repeat(List<Step> steps, String condition) implements Step {
    }

    private static final Pattern IF_HEAD = Pattern.compile("(?is)(?:ELSE)?IF\\s+(.+?)\\s+THEN\\b(.*)");
    private static final Pattern WHILE_HEAD = Pattern.compile("(?is)WHILE\\s+(.+?)\\s+DO\\b(.*)");
    private static final Pattern UNTIL = Pattern.compile("(?is)UNTIL\\s+(.+?)\\s+END\\s+REPEAT");
    private static final Pattern DECLARE = Pattern.compile(
            "(?is)DECLARE\\s+(.+?)\\s+([A-Za-z]+(?:\\s*\\([^)]*\\))?(?:\\s+UNSIGNED)?)(?:\\s+DEFAULT\\s+(.+))?");

    private static final Pattern BLOCK = Pattern.compile("(?is)BEGIN\\b(.*)\\bEND");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?is)\\s*(?:(NEW|OLD)\\s*\\.\\s*(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)|(@@?[A-Za-z0-9_$.`]+|[A-Za-z_$][A-Za-z0-9_$]*))"
                    + "\\s*:?=\\s*(.+)");
    private static final Pattern SIGNAL = Pattern.compile(
            "(?is)SIGNAL\\s+SQLSTATE\\s+(?:VALUE\\s+)?'([0-9A-Za-z]{5})'(?:\\s+SET\\s+MESSAGE_TEXT\\s*=\\s*(.+))?");

    static TriggerBody parse(String text, String wholeStatement) {
        String body = text.strip();
        List<String> statements = new ArrayList<>();
        Matcher block = BLOCK.matcher(body);
        if (block.matches()) {
            statements.addAll(StatementSplitter.splitCompoundBody(block.group(1)));
        } else {
            statements.add(body);
        }
        java.util.ArrayDeque<String> chunks = new java.util.ArrayDeque<>();
        for (String s : statements) {
            if (!s.isBlank()) {
                chunks.add(s.strip());
            }
        }
        List<Step> steps = block(chunks, wholeStatement);
        if (!chunks.isEmpty()) {
            throw TriggerDefinition.syntax(chunks.peek());
        }
        return new TriggerBody(List.copyOf(steps));
    }

    /**
     * Statements up to (not including) the chunk that ends the enclosing construct: ELSEIF, ELSE, END IF,
     * END WHILE or UNTIL. The splitter cuts at every top-level ';', so a construct's head and its first
     * statement share a chunk ("IF c THEN SET x = 1"); the statement part is pushed back as a chunk of its own.
     */
    private static List<Step> block(java.util.ArrayDeque<String> chunks, String whole) {
        List<Step> steps = new ArrayList<>();
        while (!chunks.isEmpty()) {
            String c = chunks.peek();
            String upper = c.toUpperCase(Locale.ROOT);
            if (upper.matches("(?s)(ELSEIF|ELSE|UNTIL)\\b.*") || upper.matches("(?s)END\\s+(IF|WHILE)\\b.*")) {
                return steps;
            }
            chunks.poll();
            String first = firstWord(c);
            switch (first) {
                case "IF" -> steps.add(ifStatement(c, chunks, whole));
                case "WHILE" -> {
                    Matcher m = WHILE_HEAD.matcher(c);
                    if (!m.matches()) {
                        throw TriggerDefinition.syntax(c);
                    }
                    pushBack(chunks, m.group(2));
                    List<Step> body = block(chunks, whole);
                    expectEnd(chunks, "WHILE", c);
                    steps.add(new While(m.group(1).strip(), List.copyOf(body)));
                }
                case "REPEAT" -> {
                    pushBack(chunks, c.substring("REPEAT".length()));
                    List<Step> body = block(chunks, whole);
                    Matcher m = chunks.isEmpty() ? null : UNTIL.matcher(chunks.peek());
                    if (m == null || !m.matches()) {
                        throw TriggerDefinition.syntax(c);
                    }
                    chunks.poll();
                    steps.add(new Repeat(List.copyOf(body), m.group(1).strip()));
                }
                case "DECLARE" -> {
                    Matcher m = DECLARE.matcher(c);
                    if (!m.matches() || upper.matches("(?s)DECLARE\\s+.*\\b(CURSOR|HANDLER|CONDITION)\\b.*")) {
                        throw unsupported(m.matches() ? "cursors and handlers in a trigger" : c);
                    }
                    List<String> names = new ArrayList<>();
                    for (String n : m.group(1).split(",")) {
                        names.add(dev.scion.sql.admin.Identifiers.unquote(n.strip()));
                    }
                    steps.add(new Declare(List.copyOf(names), m.group(3) == null ? null : m.group(3).strip()));
                }
                default -> steps.add(step(c, whole));
            }
        }
        return steps;
    }

    private static If ifStatement(String head, java.util.ArrayDeque<String> chunks, String whole) {
        List<Branch> branches = new ArrayList<>();
        List<Step> otherwise = List.of();
        String current = head;
        while (true) {
            Matcher m = IF_HEAD.matcher(current);
            if (!m.matches()) {
                throw TriggerDefinition.syntax(current);
            }
            pushBack(chunks, m.group(2));
            branches.add(new Branch(m.group(1).strip(), List.copyOf(block(chunks, whole))));
            String next = chunks.isEmpty() ? "" : chunks.peek();
            String upper = next.toUpperCase(Locale.ROOT);
            if (upper.startsWith("ELSEIF")) {
                current = chunks.poll();
                continue;
            }
            if (upper.matches("(?s)ELSE\\b.*")) {
                chunks.poll();
                pushBack(chunks, next.substring(4));
                otherwise = List.copyOf(block(chunks, whole));
            }
            expectEnd(chunks, "IF", head);
            return new If(List.copyOf(branches), otherwise);
        }
    }

    private static void pushBack(java.util.ArrayDeque<String> chunks, String text) {
        if (!text.isBlank()) {
            chunks.push(text.strip());
        }
    }

    private static void expectEnd(java.util.ArrayDeque<String> chunks, String what, String head) {
        String end = chunks.isEmpty() ? "" : chunks.peek();
        if (!end.toUpperCase(Locale.ROOT).matches("(?s)END\\s+" + what + "\\s*")) {
            throw TriggerDefinition.syntax(head);
        }
        chunks.poll();
    }

    private static Step step(String sql, String wholeStatement) {
        String first = firstWord(sql);
        switch (first) {
            case "SET" -> {
                if (sql.toUpperCase(Locale.ROOT).matches("(?s)SET\\s+(NAMES|CHARACTER|CHARSET|TRANSACTION|SESSION"
                        + "|GLOBAL|LOCAL|PERSIST)\\b.*")) {
                    return new Run(sql);
                }
                List<Assignment> out = new ArrayList<>();
                for (String part : topLevelCommaSplit(sql.substring(3))) {
                    Matcher m = ASSIGNMENT.matcher(part);
                    if (!m.matches()) {
                        throw TriggerDefinition.syntax(sql);
                    }
                    out.add(m.group(1) != null
                            ? new Assignment(m.group(1).toUpperCase(Locale.ROOT),
                                    dev.scion.sql.admin.Identifiers.unquote(m.group(2)), m.group(4).strip())
                            : new Assignment(null, m.group(3), m.group(4).strip()));
                }
                return new Assign(List.copyOf(out));
            }
            case "SIGNAL" -> {
                Matcher m = SIGNAL.matcher(sql);
                if (!m.matches()) {
                    throw TriggerDefinition.syntax(sql);
                }
                return new Signal(m.group(1), m.group(2) == null ? null : m.group(2).strip());
            }
            case "INSERT", "UPDATE", "DELETE", "REPLACE", "DO" -> {
                return new Run(sql);
            }
            case "SELECT", "WITH", "SHOW", "TABLE", "VALUES" -> {
                if (first.equals("SELECT") && sql.toUpperCase(Locale.ROOT).matches("(?s).*\\bINTO\\b.*")) {
                    throw unsupported("SELECT ... INTO in a trigger");
                }
                throw new SqlError(ErrorCode.SP_NO_RESULT_SET, "Not allowed to return a result set from a trigger");
            }
            case "COMMIT", "ROLLBACK", "BEGIN", "START", "CREATE", "DROP", "ALTER", "RENAME", "TRUNCATE", "LOCK",
                 "UNLOCK", "SAVEPOINT", "RELEASE", "USE" -> {
                if (first.equals("BEGIN") && !sql.toUpperCase(Locale.ROOT).matches("(?s)BEGIN\\s*(WORK\\s*)?")) {
                    throw unsupported("nested BEGIN ... END blocks in a trigger");
                }
                throw new SqlError(ErrorCode.COMMIT_NOT_ALLOWED_IN_SF_OR_TRG,
                        "Explicit or implicit commit is not allowed in stored function or trigger.");
            }
            case "CALL" -> throw unsupported("CALL in a trigger");
            default -> throw unsupported(first.isEmpty() ? "this trigger body" : first + " in a trigger");
        }
    }

    private static SqlError unsupported(String what) {
        return new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support '" + what + "'");
    }

    private static String firstWord(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(0, i).toUpperCase(Locale.ROOT);
    }

    /** Splits at commas outside parentheses, strings and quoted names. */
    static List<String> topLevelCommaSplit(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = dev.scion.sql.frontend.SqlScanner.skipQuoted(text, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        out.add(text.substring(start));
        return out;
    }
}
