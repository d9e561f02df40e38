package dev.scion.sql.routine;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.SqlScanner;
import dev.scion.sql.frontend.SqlTokens;
import dev.scion.sql.routine.RoutineBody.Assign;
import dev.scion.sql.routine.RoutineBody.Assignment;
import dev.scion.sql.routine.RoutineBody.Block;
import dev.scion.sql.routine.RoutineBody.Branch;
import dev.scion.sql.routine.RoutineBody.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses MySQL's compound-statement language (a trigger's or procedure's body) into {@link RoutineBody} steps. The
 * text is cut into tokens (words, quoted strings, symbols) so that keywords inside strings or expressions are never
 * mistaken for structure; statements and expressions keep their original text.
 */
public final class BodyParser {
    /** What owns the body: triggers and functions may not return rows or commit; only a function has RETURN. */
    public enum Owner { TRIGGER, PROCEDURE, FUNCTION }

    /** A CREATE of a stored program inside a body (MySQL 1303 for PROCEDURE / FUNCTION / TRIGGER). */
    private static final Pattern NESTED_CREATE = Pattern.compile(
            "(?is)CREATE\\s+(?:DEFINER\\s*=\\s*\\S+\\s+)?(PROCEDURE|FUNCTION|TRIGGER|EVENT)\\b.*");
    private static final Pattern DECLARE_VAR = Pattern.compile(
            "(?is)DECLARE\\s+(.+?)\\s+([A-Za-z]+(?:\\s*\\([^)]*\\))?(?:\\s+(?:UNSIGNED|SIGNED|ZEROFILL))*"
                    + "(?:\\s+(?:CHARACTER\\s+SET|CHARSET|COLLATE)\\s+\\w+)*)(?:\\s+DEFAULT\\s+(.+))?");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?is)\\s*(?:(NEW|OLD)\\s*\\.\\s*(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)|(@@?[A-Za-z0-9_$.`]+|`(?:[^`]|``)+`"
                    + "|[A-Za-z_$][A-Za-z0-9_$]*))\\s*:?=\\s*(.+)");
    private static final Pattern SIGNAL = Pattern.compile("(?is)(?:SIGNAL\\s+|RESIGNAL(?:\\s+|$))(?:SQLSTATE\\s+"
            + "(?:VALUE\\s+)?['\"]([0-9A-Za-z]{5})['\"]|(?!SET\\b)(`(?:[^`]|``)+`|[A-Za-z_$][A-Za-z0-9_$]*))?"
            + "(?:\\s*\\bSET\\s+(.+))?");
    private static final Pattern SIGNAL_ITEM = Pattern.compile("(?is)\\s*(MESSAGE_TEXT|MYSQL_ERRNO|[A-Z_]+)\\s*=\\s*(.+)");
    private static final Pattern CALL = Pattern.compile("(?is)CALL\\s+((?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)"
            + "(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+))?)\\s*(?:\\((.*)\\))?\\s*(?:AS\\s+OF\\s+(.+?)\\s*)?");
    private static final Pattern FETCH = Pattern.compile(
            "(?is)FETCH\\s+(?:(?:NEXT\\s+)?FROM\\s+)?(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)\\s+INTO\\s+(.+)");

    private record Token(int start, int end, char kind, String upper) {
        boolean is(String word) {
            return kind == 'w' && upper.equals(word);
        }
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final Owner owner;
    private int pos;
    /** A RETURN was read: a function body without one is refused at CREATE (1320). */
    private boolean sawReturn;
    /** Labels in scope, lower-case, with whether each names a loop (ITERATE needs one). */
    private final java.util.ArrayDeque<String> labels = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<String> loopLabels = new java.util.ArrayDeque<>();
    /** Per block: its variables (a second DECLARE of one is 1331) and cursors (using an undeclared one is 1324). */
    private final java.util.ArrayDeque<Set<String>> variables = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Set<String>> cursors = new java.util.ArrayDeque<>();

    private BodyParser(String text, Owner owner) {
        this.text = text;
        this.owner = owner;
        variables.push(new HashSet<>());
        cursors.push(new HashSet<>());
        tokenize();
    }

    /** Parses one statement or block, the whole of {@code text}. */
    public static RoutineBody parse(String text, Owner owner) {
        return new BodyParser(text, owner).all();
    }

    private RoutineBody all() {
        List<Step> steps = new ArrayList<>();
        while (pos < tokens.size()) {
            if (peek().kind == ';') {
                pos++;
                continue;
            }
            steps.add(statement());
            if (pos < tokens.size() && peek().kind != ';') {
                throw syntax();
            }
        }
        return new RoutineBody(List.copyOf(steps));
    }

    /** A function's body: like {@link #parse}, and it must contain a RETURN (1320 names the function). */
    public static RoutineBody parseFunction(String text, String qualifiedName) {
        BodyParser p = new BodyParser(text, Owner.FUNCTION);
        RoutineBody body = p.all();
        if (!p.sawReturn) {
            throw new SqlError(ErrorCode.SP_NORETURN, "No RETURN found in FUNCTION " + qualifiedName);
        }
        return body;
    }

    private void tokenize() {
        for (SqlTokens.Token t : SqlTokens.of(text, true)) {
            char kind = switch (t.kind()) {
                case SqlTokens.WORD -> 'w';
                case '`' -> 'n';
                case '\'', '"' -> 's';
                case ';' -> ';';
                default -> 'p';
            };
            tokens.add(new Token(t.start(), t.end(), kind, kind == 'p' || kind == ';' ? String.valueOf(t.kind())
                    : t.upper()));
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean at(String word) {
        return pos < tokens.size() && tokens.get(pos).is(word);
    }

    private boolean at(int offset, String word) {
        return pos + offset < tokens.size() && tokens.get(pos + offset).is(word);
    }

    private void expect(String word) {
        if (!at(word)) {
            throw syntax();
        }
        pos++;
    }

    private Step statement() {
        String label = null;
        if (pos + 2 < tokens.size() && peek().kind != ';' && tokens.get(pos + 1).upper != null
                && tokens.get(pos + 1).upper.equals(":") && tokens.get(pos + 2).kind == 'w'
                && Set.of("BEGIN", "LOOP", "WHILE", "REPEAT").contains(tokens.get(pos + 2).upper)) {
            label = Identifiers.unquote(textOf(peek()));
            pos += 2;
        }
        Token head = peek();
        if (head.kind != 'w') {
            return simple();
        }
        boolean loop = label != null && !head.is("BEGIN");
        if (label != null) {
            labels.push(label.toLowerCase(Locale.ROOT));
            if (loop) {
                loopLabels.push(label.toLowerCase(Locale.ROOT));
            }
        }
        try {
            switch (head.upper) {
                case "BEGIN" -> {
                    if (at(1, "WORK") || (pos + 1 < tokens.size() && tokens.get(pos + 1).kind == ';')
                            && owner == Owner.TRIGGER) {
                        return simple();
                    }
                    pos++;
                    variables.push(new HashSet<>());
                    cursors.push(new HashSet<>());
                    List<Step> steps;
                    try {
                        steps = statements("END");
                    } finally {
                        variables.pop();
                        cursors.pop();
                    }
                    expect("END");
                    endLabel(label);
                    return new Block(label, steps);
                }
                case "IF" -> {
                    return ifStatement();
                }
                case "CASE" -> {
                    return caseStatement();
                }
                case "WHILE" -> {
                    pos++;
                    String cond = expressionUntil("DO");
                    expect("DO");
                    List<Step> steps = statements("END");
                    expect("END");
                    expect("WHILE");
                    endLabel(label);
                    return new RoutineBody.While(label, cond, steps);
                }
                case "REPEAT" -> {
                    pos++;
                    List<Step> steps = statements("UNTIL");
                    expect("UNTIL");
                    String cond = expressionUntil("END");
                    expect("END");
                    expect("REPEAT");
                    endLabel(label);
                    return new RoutineBody.Repeat(label, steps, cond);
                }
                case "LOOP" -> {
                    pos++;
                    List<Step> steps = statements("END");
                    expect("END");
                    expect("LOOP");
                    endLabel(label);
                    return new RoutineBody.Loop(label, steps);
                }
                case "LEAVE", "ITERATE" -> {
                    pos++;
                    if (pos >= tokens.size() || (peek().kind != 'w' && peek().kind != 'n')) {
                        throw syntax();
                    }
                    String target = Identifiers.unquote(textOf(tokens.get(pos++)));
                    if (!(head.upper.equals("LEAVE") ? labels : loopLabels).contains(target.toLowerCase(Locale.ROOT))) {
                        throw new SqlError(ErrorCode.SP_LILABEL_MISMATCH, head.upper + " with no matching label: "
                                + target);
                    }
                    return head.upper.equals("LEAVE") ? new RoutineBody.Leave(target) : new RoutineBody.Iterate(target);
                }
                case "DECLARE" -> {
                    return declare();
                }
                default -> {
                    return simple();
                }
            }
        } finally {
            if (label != null) {
                labels.pop();
                if (loop) {
                    loopLabels.pop();
                }
            }
        }
    }

    /** An optional label after END must repeat the construct's own label. */
    private void endLabel(String label) {
        if (pos < tokens.size() && (peek().kind == 'w' || peek().kind == 'n') && !isStructureWord(peek())) {
            String end = Identifiers.unquote(textOf(peek()));
            if (label == null || !label.equalsIgnoreCase(end)) {
                throw new SqlError(ErrorCode.SP_LILABEL_MISMATCH, "End-label " + end + " without match");
            }
            pos++;
        }
    }

    private static boolean isStructureWord(Token t) {
        return t.kind == 'w' && Set.of("END", "ELSE", "ELSEIF", "WHEN", "UNTIL").contains(t.upper);
    }

    /** Statements, each ended by ';', up to one of the stop words (which stays unread). */
    private List<Step> statements(String... stops) {
        Set<String> stop = new HashSet<>(List.of(stops));
        List<Step> steps = new ArrayList<>();
        while (true) {
            if (pos >= tokens.size()) {
                throw syntax();
            }
            Token t = peek();
            if (t.kind == ';') {
                pos++;
                continue;
            }
            if (t.kind == 'w' && stop.contains(t.upper)) {
                return List.copyOf(steps);
            }
            steps.add(statement());
            if (pos >= tokens.size() || peek().kind != ';') {
                throw syntax();
            }
            pos++;
        }
    }

    private Step ifStatement() {
        List<Branch> branches = new ArrayList<>();
        List<Step> otherwise = List.of();
        pos++;
        while (true) {
            String cond = expressionUntil("THEN");
            expect("THEN");
            branches.add(new Branch(cond, statements("ELSEIF", "ELSE", "END")));
            if (at("ELSEIF")) {
                pos++;
                continue;
            }
            if (at("ELSE")) {
                pos++;
                otherwise = statements("END");
            }
            expect("END");
            expect("IF");
            return new RoutineBody.If(List.copyOf(branches), otherwise);
        }
    }

    private Step caseStatement() {
        pos++;
        String operand = at("WHEN") ? null : expressionUntil("WHEN");
        List<Branch> branches = new ArrayList<>();
        List<Step> otherwise = null;
        while (at("WHEN")) {
            pos++;
            String value = expressionUntil("THEN");
            expect("THEN");
            branches.add(new Branch(value, statements("WHEN", "ELSE", "END")));
        }
        if (branches.isEmpty()) {
            throw syntax();
        }
        if (at("ELSE")) {
            pos++;
            otherwise = statements("END");
        }
        expect("END");
        expect("CASE");
        return new RoutineBody.Case(operand, List.copyOf(branches), otherwise);
    }

    /** Expression text up to the word {@code stop} outside parentheses and CASE ... END expressions. */
    private String expressionUntil(String stop) {
        int start = pos;
        int depth = 0;
        while (pos < tokens.size()) {
            Token t = peek();
            if (t.kind == ';') {
                break;
            }
            if (depth == 0 && t.is(stop)) {
                if (pos == start) {
                    throw syntax();
                }
                return span(start, pos);
            }
            if (t.is("CASE") || "(".equals(t.upper)) {
                depth++;
            } else if ((t.is("END") || ")".equals(t.upper)) && depth > 0) {
                depth--;
            }
            pos++;
        }
        throw syntax();
    }

    private Step declare() {
        if (at(1, "CONTINUE") || at(1, "EXIT") || at(1, "UNDO")) {
            boolean exit = !at(1, "CONTINUE");
            pos += 2;
            expect("HANDLER");
            expect("FOR");
            List<String> conditions = new ArrayList<>();
            while (true) {
                int start = pos;
                if (at("SQLSTATE")) {
                    pos++;
                    if (at("VALUE")) {
                        pos++;
                    }
                    pos++;
                } else if (at("NOT")) {
                    pos += 2;
                } else {
                    pos++;
                }
                conditions.add(span(start, pos).replaceAll("\\s+", " "));
                if (pos < tokens.size() && ",".equals(peek().upper)) {
                    pos++;
                    continue;
                }
                break;
            }
            return new RoutineBody.DeclareHandler(exit, List.copyOf(conditions), statement());
        }
        int start = pos;
        while (pos < tokens.size() && peek().kind != ';') {
            pos++;
        }
        String sql = span(start, pos);
        Matcher cond = Pattern.compile("(?is)DECLARE\\s+(\\S+)\\s+CONDITION\\s+FOR\\s+(.+)").matcher(sql);
        if (cond.matches()) {
            return new RoutineBody.DeclareCondition(Identifiers.unquote(cond.group(1)), cond.group(2).strip());
        }
        Matcher cursor = Pattern.compile("(?is)DECLARE\\s+(\\S+)\\s+CURSOR\\s+FOR\\s+(.+)").matcher(sql);
        if (cursor.matches()) {
            cursors.peek().add(Identifiers.unquote(cursor.group(1)).toLowerCase(Locale.ROOT));
            return new RoutineBody.DeclareCursor(Identifiers.unquote(cursor.group(1)), cursor.group(2).strip());
        }
        Matcher m = DECLARE_VAR.matcher(sql);
        if (!m.matches()) {
            throw syntax(start);
        }
        List<String> names = new ArrayList<>();
        for (String n : m.group(1).split(",")) {
            String name = Identifiers.unquote(n.strip());
            if (!variables.peek().add(name.toLowerCase(Locale.ROOT))) {
                throw new SqlError(ErrorCode.SP_DUP_VAR, "Duplicate variable: " + name);
            }
            names.add(name);
        }
        return new RoutineBody.Declare(List.copyOf(names), m.group(2).strip(),
                m.group(3) == null ? null : m.group(3).strip());
    }

    /** A statement without structure: its text up to the next ';'. */
    private Step simple() {
        int start = pos;
        while (pos < tokens.size() && peek().kind != ';') {
            pos++;
        }
        String sql = span(start, pos);
        return simpleStep(sql, tokens.get(start));
    }

    private Step simpleStep(String sql, Token head) {
        String first = head.kind == 'w' ? head.upper : "";
        switch (first) {
            case "SET" -> {
                if (sql.toUpperCase(Locale.ROOT).matches("(?s)SET\\s+(NAMES|CHARACTER|CHARSET|TRANSACTION|SESSION"
                        + "|GLOBAL|LOCAL|PERSIST|AUTOCOMMIT)\\b.*")) {
                    return new RoutineBody.Run(sql);
                }
                List<Assignment> out = new ArrayList<>();
                for (String part : topLevelCommaSplit(sql.substring(3))) {
                    Matcher m = ASSIGNMENT.matcher(part);
                    if (!m.matches()) {
                        throw syntax(sql);
                    }
                    out.add(m.group(1) != null
                            ? new Assignment(m.group(1).toUpperCase(Locale.ROOT), Identifiers.unquote(m.group(2)),
                                    m.group(4).strip())
                            : new Assignment(null, m.group(3).startsWith("`") ? Identifiers.unquote(m.group(3))
                                    : m.group(3), m.group(4).strip()));
                }
                return new Assign(List.copyOf(out));
            }
            case "SIGNAL", "RESIGNAL" -> {
                Matcher m = SIGNAL.matcher(sql);
                if (!m.matches() || first.equals("SIGNAL") && m.group(1) == null && m.group(2) == null) {
                    throw syntax(sql);
                }
                String message = null;
                String errno = null;
                if (m.group(3) != null) {
                    for (String item : topLevelCommaSplit(m.group(3))) {
                        Matcher im = SIGNAL_ITEM.matcher(item);
                        if (!im.matches()) {
                            throw syntax(sql);
                        }
                        String what = im.group(1).toUpperCase(Locale.ROOT);
                        if (what.equals("MESSAGE_TEXT")) {
                            message = im.group(2).strip();
                        } else if (what.equals("MYSQL_ERRNO")) {
                            errno = im.group(2).strip();
                        }
                    }
                }
                return new RoutineBody.Signal(m.group(1), m.group(2) == null ? null
                        : Identifiers.unquote(m.group(2)), message, errno, first.equals("RESIGNAL"));
            }
            case "GET" -> {
                return new RoutineBody.Diagnostics(GetDiagnostics.parse(sql));
            }
            case "OPEN", "CLOSE" -> {
                String name = Identifiers.unquote(sql.substring(first.length()).strip());
                checkCursor(name);
                return first.equals("OPEN") ? new RoutineBody.Open(name) : new RoutineBody.Close(name);
            }
            case "FETCH" -> {
                Matcher m = FETCH.matcher(sql);
                if (!m.matches()) {
                    throw syntax(sql);
                }
                checkCursor(Identifiers.unquote(m.group(1)));
                return new RoutineBody.Fetch(Identifiers.unquote(m.group(1)), names(m.group(2)));
            }
            case "INSERT", "UPDATE", "DELETE", "REPLACE", "DO" -> {
                return new RoutineBody.Run(sql);
            }
            case "SELECT", "WITH", "SHOW", "TABLE", "VALUES", "EXPLAIN", "DESCRIBE", "DESC" -> {
                if (first.equals("WITH") && isWithDml(sql)) {
                    return new RoutineBody.Run(sql);
                }
                SelectInto.Split split = SelectInto.split(sql);
                if (owner != Owner.PROCEDURE && split.into().isEmpty()) {
                    throw new SqlError(ErrorCode.SP_NO_RESULT_SET, "Not allowed to return a result set from a "
                            + (owner == Owner.TRIGGER ? "trigger" : "function"));
                }
                return new RoutineBody.Select(split.sql(), split.into());
            }
            case "RETURN" -> {
                if (owner != Owner.FUNCTION) {
                    throw new SqlError(ErrorCode.SP_BADRETURN, "RETURN is only allowed in a FUNCTION");
                }
                String expr = sql.substring(first.length()).strip();
                if (expr.isEmpty()) {
                    throw syntax(sql);
                }
                sawReturn = true;
                return new RoutineBody.Return(expr);
            }
            case "CALL" -> {
                Matcher m = CALL.matcher(sql);
                if (!m.matches()) {
                    throw syntax(sql);
                }
                List<String> args = new ArrayList<>();
                if (m.group(2) != null && !m.group(2).isBlank()) {
                    for (String a : topLevelCommaSplit(m.group(2))) {
                        args.add(a.strip());
                    }
                }
                return new RoutineBody.Call(m.group(1), List.copyOf(args), m.group(3));
            }
            case "COMMIT", "ROLLBACK", "BEGIN", "START", "CREATE", "DROP", "ALTER", "RENAME", "TRUNCATE", "LOCK",
                 "UNLOCK", "SAVEPOINT", "RELEASE", "USE" -> {
                Matcher nested = NESTED_CREATE.matcher(sql);
                if (first.equals("CREATE") && nested.matches()
                        && (owner == Owner.PROCEDURE || !nested.group(1).equalsIgnoreCase("EVENT"))) {
                    // MySQL refuses this while parsing the outer body, before the commit rule of a trigger
                    throw new SqlError(ErrorCode.SP_NO_RECURSIVE_CREATE, "Can't create a "
                            + nested.group(1).toUpperCase(Locale.ROOT) + " from within another stored routine");
                }
                if (owner == Owner.PROCEDURE) {
                    if (first.equals("USE") || first.equals("LOCK") || first.equals("UNLOCK")) {
                        throw new SqlError(ErrorCode.SP_BADSTATEMENT, first + " is not allowed in stored procedures");
                    }
                    return new RoutineBody.Run(sql);
                }
                throw new SqlError(ErrorCode.COMMIT_NOT_ALLOWED_IN_SF_OR_TRG,
                        "Explicit or implicit commit is not allowed in stored function or trigger.");
            }
            default -> {
                if (owner != Owner.TRIGGER && !first.isEmpty()) {
                    return new RoutineBody.Run(sql);
                }
                throw unsupported(first.isEmpty() ? "this trigger body" : first + " in a trigger");
            }
        }
    }

    private void checkCursor(String name) {
        for (Set<String> scope : cursors) {
            if (scope.contains(name.toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        throw new SqlError(ErrorCode.SP_CURSOR_MISMATCH, "Undefined CURSOR: " + name);
    }

    static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String n : topLevelCommaSplit(list)) {
            out.add(n.strip().startsWith("`") ? Identifiers.unquote(n.strip()) : n.strip());
        }
        return List.copyOf(out);
    }

    private String span(int fromToken, int toTokenExclusive) {
        if (toTokenExclusive <= fromToken) {
            return "";
        }
        return text.substring(tokens.get(fromToken).start, tokens.get(toTokenExclusive - 1).end).strip();
    }

    private String textOf(Token t) {
        return text.substring(t.start, t.end);
    }

    private SqlError syntax() {
        return syntax(Math.min(pos, tokens.size()));
    }

    private SqlError syntax(int tokenIndex) {
        String near = tokenIndex >= tokens.size() ? "" : text.substring(tokens.get(tokenIndex).start);
        return syntax(near);
    }

    static SqlError syntax(String near) {
        String shown = near.length() > 80 ? near.substring(0, 80) : near;
        return new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual that "
                + "corresponds to your MySQL server version for the right syntax to use near '" + shown + "'");
    }

    static SqlError unsupported(String what) {
        return new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support '" + what + "'");
    }

    /** Splits at commas outside parentheses, strings and quoted names. */
    public static List<String> topLevelCommaSplit(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlScanner.skipQuoted(text, i);
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

    /** Whether a statement starting with WITH is MySQL 8's WITH ... UPDATE / DELETE rather than a query. */
    private static boolean isWithDml(String sql) {
        try {
            org.apache.calcite.sql.SqlKind kind = dev.scion.sql.parser.StatementReader.statement(sql).getKind();
            return kind == org.apache.calcite.sql.SqlKind.UPDATE || kind == org.apache.calcite.sql.SqlKind.DELETE;
        } catch (SqlError e) {
            return false; // a query with INTO, or text its own run will report
        }
    }
}
