package dev.scion.sql.admin;

import dev.scion.sql.dml.ExpressionEvaluator;
import dev.scion.sql.dolt.Procedures;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.VariableRewriter;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SqlModeValue;
import dev.scion.sql.session.SystemVariables;
import dev.scion.sql.session.VariableReader;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SET of session, global and user variables, SET NAMES, SET TRANSACTION, and the versioning variables. */
final class SetStatement implements AdminStatement {
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "\\s*(?:(GLOBAL|SESSION|LOCAL|PERSIST_ONLY|PERSIST)\\s+)?"
                    + "(@@(?:global\\.|session\\.|local\\.|persist_only\\.|persist\\.)?|@)?"
                    + "(`[^`]+`|[A-Za-z0-9_$.]+)\\s*(?::=|=)\\s*(.+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern CHARSET_PART = Pattern.compile("\\s*(?:NAMES|CHARACTER\\s+SET|CHARSET)\\s+.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Where a system variable assignment goes: PERSIST also writes it to the data directory, PERSIST_ONLY only. */
    private enum Scope { SESSION, GLOBAL, PERSIST, PERSIST_ONLY }

    private record Assignment(Scope scope, boolean user, String name, String expr) {
    }

    private final List<Assignment> assignments;
    private final boolean noop;

    private SetStatement(List<Assignment> assignments, boolean noop) {
        this.assignments = assignments;
        this.noop = noop;
    }

    static SetStatement parse(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("NAMES") || upper.startsWith("CHARACTER SET") || upper.startsWith("CHARSET")
                || upper.startsWith("TRANSACTION") || upper.startsWith("SESSION TRANSACTION")
                || upper.startsWith("GLOBAL TRANSACTION")) {
            return new SetStatement(List.of(), true);
        }
        List<Assignment> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            if (CHARSET_PART.matcher(part).matches()) {
                // "SET sql_mode = ..., NAMES utf8mb4" (MariaDB Connector/J's connect statement): utf8mb4 only
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(part);
            if (!m.matches()) {
                throw StatementReader.syntaxError("SET " + text, null);
            }
            boolean user = "@".equals(m.group(2));
            out.add(new Assignment(scope(m.group(1), m.group(2)), user, Identifiers.unquote(m.group(3)),
                    m.group(4).strip()));
        }
        return new SetStatement(out, false);
    }

    /** The scope of {@code GLOBAL x = v} / {@code @@global.x = v} and the like; SESSION when none is named. */
    private static Scope scope(String keyword, String prefix) {
        String word = keyword != null ? keyword
                : prefix != null && prefix.startsWith("@@") && prefix.length() > 2
                        ? prefix.substring(2, prefix.length() - 1) : "SESSION";
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "GLOBAL" -> Scope.GLOBAL;
            case "PERSIST" -> Scope.PERSIST;
            case "PERSIST_ONLY" -> Scope.PERSIST_ONLY;
            default -> Scope.SESSION;
        };
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    if (s.charAt(j) == '\\') {
                        j++;
                    }
                    j++;
                }
                i = j;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    @Override
    public StatementResult execute(Session session) {
        if (noop) {
            return StatementResult.ok();
        }
        for (Assignment a : assignments) {
            Object value = evaluate(session, a.expr());
            if (a.user()) {
                session.setUserVariable(a.name(), value);
                continue;
            }
            String name = a.name().toLowerCase(Locale.ROOT);
            if (Procedures.setVersioningVariable(session, name, value)) {
                continue;
            }
            if (!SystemVariables.isKnown(name)) {
                throw new SqlError(ErrorCode.UNKNOWN_SYSTEM_VARIABLE, "Unknown system variable '" + a.name() + "'");
            }
            if (a.scope() == Scope.SESSION && SystemVariables.isGlobalOnly(name)) {
                throw new SqlError(ErrorCode.GLOBAL_VARIABLE, "Variable '" + a.name()
                        + "' is a GLOBAL variable and should be set with SET GLOBAL");
            }
            if (a.scope() != Scope.SESSION && SystemVariables.isSessionOnly(name)) {
                throw new SqlError(ErrorCode.LOCAL_VARIABLE, "Variable '" + a.name()
                        + "' is a SESSION variable and can't be used with SET GLOBAL");
            }
            if (SystemVariables.isReadOnly(name)) {
                throw new SqlError(ErrorCode.INCORRECT_GLOBAL_LOCAL_VAR, "Variable '" + a.name()
                        + "' is a read only variable");
            }
            value = DoltServerVariables.check(name, a.name(), value);
            name = SystemVariables.canonical(name);
            if (name.equals("scion_auto_gc") || SystemVariables.isFlag(name)) {
                value = normaliseBoolean(a.name(), value);
            }
            if (name.equals("event_scheduler")) {
                value = ((Long) normaliseBoolean(name, value)) == 1L ? "ON" : "OFF";
            }
            if (name.equals("sql_mode")) {
                value = a.expr().strip().equalsIgnoreCase("DEFAULT")
                        ? (a.scope() == Scope.SESSION ? session.engine().globalVariable(name) : SqlModeValue.DEFAULT)
                        : SqlModeValue.normalise(value);
            }
            if (name.equals("time_zone") && value != null) {
                checkTimeZone(value.toString());
            }
            if (name.equals("autocommit")) {
                value = normaliseBoolean(name, value);
                if (((Long) value) == 1L && !session.autocommit()) {
                    session.setVariable(name, value);
                    session.commit();
                }
            }
            if (a.scope() == Scope.SESSION) {
                if (value == null && a.expr().strip().equalsIgnoreCase("DEFAULT")) {
                    // SET SESSION v = DEFAULT takes the global value (a NULL here read as "" made writes non-strict)
                    value = session.engine().globalVariable(name);
                }
                session.setVariable(name, value);
                CharsetVariablePairs.partner(name, value).ifPresent(p -> session.setVariable(p.name(), p.value()));
                continue;
            }
            // a global variable changes every session: MySQL asks for SUPER (or SYSTEM_VARIABLES_ADMIN)
            dev.scion.sql.privilege.AccessChecks.requireGlobal(session, dev.scion.sql.privilege.Privilege.SUPER);
            if (a.scope() == Scope.PERSIST || a.scope() == Scope.PERSIST_ONLY) {
                session.engine().persistedVariables().persist(name, value);
            }
            if (a.scope() != Scope.PERSIST_ONLY) {
                session.engine().setGlobalVariable(name, value);
                CharsetVariablePairs.partner(name, value)
                        .ifPresent(p -> session.engine().setGlobalVariable(p.name(), p.value()));
            }
        }
        return StatementResult.ok();
    }

    /** SYSTEM, an offset from -13:59 to +14:00, or a named zone; anything else is 1298, as in MySQL. */
    private static void checkTimeZone(String zone) {
        java.util.regex.Matcher offset = java.util.regex.Pattern.compile("([+-])(\\d{1,2}):(\\d{2})")
                .matcher(zone);
        boolean valid;
        if (zone.equalsIgnoreCase("SYSTEM")) {
            valid = true;
        } else if (offset.matches()) {
            int minutes = Integer.parseInt(offset.group(2)) * 60 + Integer.parseInt(offset.group(3));
            valid = Integer.parseInt(offset.group(3)) < 60
                    && (offset.group(1).equals("+") ? minutes <= 14 * 60 : minutes <= 13 * 60 + 59);
        } else {
            try {
                java.time.ZoneId.of(zone);
                valid = !zone.isBlank();
            } catch (java.time.DateTimeException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new SqlError(ErrorCode.UNKNOWN_TIME_ZONE, "Unknown or incorrect time zone: '" + zone + "'");
        }
    }

    private static Object normaliseBoolean(String name, Object v) {
        if (v instanceof Number n) {
            return n.longValue() != 0 ? 1L : 0L;
        }
        String s = String.valueOf(v).toUpperCase(Locale.ROOT);
        return switch (s) {
            case "ON", "TRUE", "1" -> 1L;
            case "OFF", "FALSE", "0" -> 0L;
            default -> throw new SqlError(ErrorCode.WRONG_VALUE_FOR_VAR, "Variable '" + name
                    + "' can't be set to the value of '" + v + "'");
        };
    }

    private static Object evaluate(Session session, String expr) {
        String e = expr.strip();
        if (e.matches("(?i)[A-Za-z_][A-Za-z0-9_]*") && !e.equalsIgnoreCase("NULL") && !e.equalsIgnoreCase("TRUE")
                && !e.equalsIgnoreCase("FALSE") && !e.equalsIgnoreCase("DEFAULT")) {
            return e;
        }
        if (e.equalsIgnoreCase("DEFAULT")) {
            return null;
        }
        String rewritten = VariableRewriter.rewrite(e);
        SqlNode node = StatementReader.expression(rewritten);
        return ExpressionEvaluator.evaluate(session, List.of(node), rewritten)[0];
    }

    static Object readVariable(Session session, String name) {
        return VariableReader.read(session, name);
    }
}
