package dev.scion.sql.routine;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.SqlScanner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored procedure or function as CREATE PROCEDURE / CREATE FUNCTION declares it. The stored form is the statement's text (Dolt's
 * {@code dolt_procedures.create_stmt}), so a definition is always re-read from it.
 *
 * @param definer     {@code user@host} from DEFINER = ..., empty when not written
 * @param dataAccess  CONTAINS SQL, NO SQL, READS SQL DATA or MODIFIES SQL DATA
 * @param returns     a function's RETURNS type as written; null for a procedure
 * @param sqlMode     the sql_mode recorded with the stored routine, which its body runs under; null when not known
 */
public record ProcedureDefinition(String name, String database, List<Parameter> parameters, String definer,
                                  String comment, boolean deterministic, String dataAccess, String securityType,
                                  RoutineBody body, String bodyText, String text, String returns, String sqlMode) {

    /** This definition as stored with {@code mode} recorded. */
    public ProcedureDefinition withSqlMode(String mode) {
        return new ProcedureDefinition(name, database, parameters, definer, comment, deterministic, dataAccess,
                securityType, body, bodyText, text, returns, mode);
    }

    public enum Mode { IN, OUT, INOUT }

    public record Parameter(Mode mode, String name, String type) {
    }

    /** The parsed statement with its IF NOT EXISTS flag. */
    public record Parsed(ProcedureDefinition definition, boolean ifNotExists) {
    }

    private static final String NAME = "(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)";
    private static final Pattern HEAD = Pattern.compile("(?is)CREATE\\s+(?:DEFINER\\s*=\\s*((?:`[^`]*`|'[^']*'|[^\\s@(])+"
            + "(?:\\s*@\\s*(?:`[^`]*`|'[^']*'|[^\\s(]+))?|CURRENT_USER(?:\\s*\\(\\s*\\))?)\\s+)?(PROCEDURE|FUNCTION)\\s+"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")(?:\\s*\\.\\s*(" + NAME + "))?\\s*\\(");
    private static final Pattern RETURNS = Pattern.compile("(?is)\\s*RETURNS\\s+([A-Za-z]+(?:\\s*\\([^)]*\\))?"
            + "(?:\\s+(?:UNSIGNED|SIGNED|ZEROFILL))*(?:\\s+(?:CHARACTER\\s+SET|CHARSET|COLLATE)\\s+\\w+)*)");
    private static final Pattern PARAM = Pattern.compile("(?is)\\s*(?:(IN|OUT|INOUT)\\s+)?(" + NAME + ")\\s+(.+?)\\s*");
    private static final Pattern CHARACTERISTIC = Pattern.compile("(?is)\\s*(COMMENT\\s+('(?:[^'\\\\]|''|\\\\.)*'|\"(?:[^\"\\\\]"
            + "|\"\"|\\\\.)*\")|LANGUAGE\\s+SQL|NOT\\s+DETERMINISTIC|DETERMINISTIC|CONTAINS\\s+SQL|NO\\s+SQL"
            + "|READS\\s+SQL\\s+DATA|MODIFIES\\s+SQL\\s+DATA|SQL\\s+SECURITY\\s+(DEFINER|INVOKER))(?=\\s|$)");

    private static final Pattern CREATE_ROUTINE =
            Pattern.compile("(?is)CREATE\\s+(?:DEFINER\\s*=\\s*\\S+(?:\\s*@\\s*\\S+)?\\s+)?(?:PROCEDURE|FUNCTION)\\b");

    /** The statement starts a CREATE PROCEDURE. */
    public static boolean isCreateRoutine(String sql) {
        return CREATE_ROUTINE.matcher(sql).lookingAt();
    }

    public boolean isFunction() {
        return returns != null;
    }

    /** PROCEDURE or FUNCTION, as SHOW and information_schema name the kind. */
    public String kind() {
        return isFunction() ? "FUNCTION" : "PROCEDURE";
    }

    /**
     * Whether {@code sql} creates a procedure. MySQL keeps such a statement's text as written and runs the body
     * under the sql_mode recorded with it, so it is not rewritten for the session's ANSI_QUOTES as it arrives
     * ({@link ProcedureCall#find} reads the stored text with the recorded mode).
     */
    public static boolean createsProcedure(String sql) {
        Matcher m = HEAD.matcher(sql);
        return m.lookingAt() && m.group(2).equalsIgnoreCase("PROCEDURE");
    }

    public static Parsed parse(String sql, String currentDb) {
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        Matcher m = HEAD.matcher(text);
        if (!m.lookingAt()) {
            throw BodyParser.syntax(text);
        }
        boolean function = m.group(2).equalsIgnoreCase("FUNCTION");
        String db = m.group(5) == null ? currentDb : Identifiers.unquote(m.group(4));
        String name = Identifiers.unquote(m.group(5) == null ? m.group(4) : m.group(5));
        String definer = m.group(1) == null ? "" : definer(m.group(1));
        int open = m.end() - 1;
        int close = closingParen(text, open);
        List<Parameter> params = parameters(text.substring(open + 1, close), function);
        String rest = text.substring(close + 1);
        String returns = null;
        if (function) {
            Matcher r = RETURNS.matcher(rest);
            if (!r.lookingAt()) {
                throw BodyParser.syntax(rest.strip());
            }
            returns = r.group(1).strip();
            rest = rest.substring(r.end());
        }
        String comment = "";
        boolean deterministic = false;
        String access = "CONTAINS SQL";
        String security = "DEFINER";
        while (true) {
            Matcher c = CHARACTERISTIC.matcher(rest);
            if (!c.lookingAt()) {
                break;
            }
            String what = c.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (c.group(2) != null) {
                comment = unquoteString(c.group(2));
            } else if (c.group(3) != null) {
                security = c.group(3).toUpperCase(Locale.ROOT);
            } else if (what.equals("DETERMINISTIC")) {
                deterministic = true;
            } else if (what.endsWith("SQL") || what.endsWith("DATA")) {
                if (!what.equals("LANGUAGE SQL")) {
                    access = what;
                }
            }
            rest = rest.substring(c.end());
        }
        String bodyText = rest.strip();
        if (bodyText.isEmpty()) {
            throw BodyParser.syntax("");
        }
        RoutineBody body = function ? BodyParser.parseFunction(bodyText, db + "." + name)
                : BodyParser.parse(bodyText, BodyParser.Owner.PROCEDURE);
        return new Parsed(new ProcedureDefinition(name, db, params, definer, comment, deterministic, access, security,
                body, bodyText, text, returns, null), m.group(3) != null);
    }

    /**
     * The CREATE text with its characteristics replaced as ALTER PROCEDURE / FUNCTION changes them (each argument
     * null to keep the current one), written one per line as MySQL's SHOW CREATE prints them.
     */
    public String withCharacteristics(String newComment, String newDataAccess, String newSecurity) {
        String comment = newComment != null ? newComment : this.comment;
        String access = newDataAccess != null ? newDataAccess : dataAccess;
        String security = newSecurity != null ? newSecurity : securityType;
        StringBuilder out = new StringBuilder(text.substring(0, characteristicsStart(text)).stripTrailing());
        if (!access.equals("CONTAINS SQL")) {
            out.append("\n    ").append(access);
        }
        if (deterministic) {
            out.append("\n    DETERMINISTIC");
        }
        if (!security.equals("DEFINER")) {
            out.append("\n    SQL SECURITY ").append(security);
        }
        if (!comment.isEmpty()) {
            out.append("\n    COMMENT '").append(comment.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return out.append('\n').append(bodyText).toString();
    }

    /** Where the characteristics of a CREATE text begin: after the parameter list and a function's RETURNS. */
    private static int characteristicsStart(String text) {
        Matcher m = HEAD.matcher(text);
        if (!m.lookingAt()) {
            throw BodyParser.syntax(text);
        }
        int close = closingParen(text, m.end() - 1);
        if (m.group(2).equalsIgnoreCase("FUNCTION")) {
            Matcher r = RETURNS.matcher(text);
            r.region(close + 1, text.length());
            if (r.lookingAt()) {
                return r.end();
            }
        }
        return close + 1;
    }

    /** {@code `u`@`h`} or {@code 'u'@'h'} as MySQL lists it: {@code u@h}; a bare user gets host %. */
    private static String definer(String written) {
        if (written.toUpperCase(Locale.ROOT).startsWith("CURRENT_USER")) {
            return "";
        }
        String[] parts = written.split("\\s*@\\s*", 2);
        String user = Identifiers.unquote(parts[0].replace('\'', '`'));
        String host = parts.length > 1 ? Identifiers.unquote(parts[1].replace('\'', '`')) : "%";
        return user + "@" + host;
    }

    /** A function's parameters have no mode (writing IN, OUT or INOUT is a syntax error); they are all IN. */
    private static List<Parameter> parameters(String list, boolean function) {
        List<Parameter> out = new ArrayList<>();
        if (list.isBlank()) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (String p : BodyParser.topLevelCommaSplit(list)) {
            Matcher m = PARAM.matcher(p);
            if (!m.matches()) {
                throw BodyParser.syntax(p.strip());
            }
            String name = Identifiers.unquote(m.group(2));
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new SqlError(ErrorCode.SP_DUP_PARAM, "Duplicate parameter: " + name);
            }
            if (function && m.group(1) != null) {
                throw BodyParser.syntax(p.strip());
            }
            Mode mode = m.group(1) == null ? Mode.IN : Mode.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            out.add(new Parameter(mode, name, m.group(3)));
        }
        return List.copyOf(out);
    }

    private static int closingParen(String text, int open) {
        int close = SqlScanner.closingParen(text, open);
        if (close < 0) {
            throw BodyParser.syntax(text.substring(open));
        }
        return close;
    }

    private static String unquoteString(String quoted) {
        char q = quoted.charAt(0);
        String inner = quoted.substring(1, quoted.length() - 1);
        return inner.replace(String.valueOf(q) + q, String.valueOf(q)).replaceAll("\\\\(.)", "$1");
    }

    /** The parameter list as information_schema and SHOW list it: {@code IN a int, OUT b text}. */
    public String parameterList() {
        StringBuilder out = new StringBuilder();
        for (Parameter p : parameters) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(p.mode()).append(' ').append(p.name()).append(' ').append(p.type());
        }
        return out.toString();
    }
}
