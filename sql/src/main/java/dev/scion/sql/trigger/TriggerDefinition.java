package dev.scion.sql.trigger;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row trigger as CREATE TRIGGER declares it. The stored form is the CREATE TRIGGER text itself (as Dolt stores
 * it in {@code dolt_schemas}), so a definition is always re-read from that text.
 *
 * @param name    trigger name as written (without database)
 * @param timing  BEFORE or AFTER
 * @param event   INSERT, UPDATE or DELETE
 * @param table   subject table as written (without database)
 * @param body    the trigger's statement or BEGIN ... END block
 * @param text    the whole CREATE TRIGGER statement
 * @param statement the body as written (SHOW TRIGGERS' Statement, information_schema's ACTION_STATEMENT)
 */
public record TriggerDefinition(String name, String database, Timing timing, Event event, String table,
                                dev.scion.sql.routine.RoutineBody body, String text, String statement) {

    public enum Timing { BEFORE, AFTER }

    public enum Event { INSERT, UPDATE, DELETE }

    private static final String NAME = "(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)";
    private static final String QUALIFIED = "(" + NAME + ")(?:\\s*\\.\\s*(" + NAME + "))?";
    private static final Pattern CREATE = Pattern.compile("CREATE\\s+(?:DEFINER\\s*=\\s*\\S+\\s+)?TRIGGER\\s+"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?" + QUALIFIED + "\\s+(BEFORE|AFTER)\\s+(INSERT|UPDATE|DELETE)\\s+ON\\s+"
            + QUALIFIED + "\\s+FOR\\s+EACH\\s+ROW\\s+(?:(FOLLOWS|PRECEDES)\\s+(" + NAME + ")\\s+)?(.+?)\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern CREATE_TRIGGER =
            Pattern.compile("CREATE\\s+(?:DEFINER\\s*=\\s*\\S+\\s+)?TRIGGER\\b", Pattern.CASE_INSENSITIVE);

    /** The statement starts a CREATE TRIGGER (so the front end, not Calcite, owns it). */
    public static boolean isCreateTrigger(String sql) {
        return CREATE_TRIGGER.matcher(sql).lookingAt();
    }

    /** The parsed CREATE TRIGGER with an {@code IF NOT EXISTS} flag and its FOLLOWS / PRECEDES clause, if any. */
    public record Parsed(TriggerDefinition definition, boolean ifNotExists, Optional<Placement> placement) {
    }

    /** {@code FOLLOWS other} ({@code follows} true) or {@code PRECEDES other}: where the new trigger runs. */
    public record Placement(boolean follows, String other) {
    }

    /**
     * Parses a CREATE TRIGGER statement. A trigger name qualified with a database must name the table's database
     * too (MySQL 1435 otherwise); {@code currentDb} fills in an unqualified one.
     */
    public static Parsed parse(String sql, String currentDb) {
        Matcher m = CREATE.matcher(sql.strip());
        if (!m.matches()) {
            throw syntax(sql);
        }
        String triggerDb = m.group(3) == null ? null : Identifiers.unquote(m.group(2));
        String name = Identifiers.unquote(m.group(3) == null ? m.group(2) : m.group(3));
        String tableDb = m.group(7) == null ? null : Identifiers.unquote(m.group(6));
        String table = Identifiers.unquote(m.group(7) == null ? m.group(6) : m.group(7));
        if (triggerDb != null && tableDb != null && !triggerDb.equalsIgnoreCase(tableDb)) {
            throw new SqlError(ErrorCode.TRIGGER_IN_WRONG_SCHEMA, "Trigger in wrong schema");
        }
        String db = tableDb != null ? tableDb : triggerDb != null ? triggerDb : currentDb;
        Timing timing = Timing.valueOf(m.group(4).toUpperCase(Locale.ROOT));
        Event event = Event.valueOf(m.group(5).toUpperCase(Locale.ROOT));
        dev.scion.sql.routine.RoutineBody body = dev.scion.sql.routine.BodyParser.parse(m.group(10),
                dev.scion.sql.routine.BodyParser.Owner.TRIGGER);
        Optional<Placement> placement = m.group(8) == null ? Optional.empty()
                : Optional.of(new Placement(m.group(8).equalsIgnoreCase("FOLLOWS"), Identifiers.unquote(m.group(9))));
        return new Parsed(new TriggerDefinition(name, db, timing, event, table, body, sql.strip(),
                m.group(10).strip()),
                m.group(1) != null, placement);
    }

    /**
     * The CREATE TRIGGER text without its FOLLOWS / PRECEDES clause, for a script that creates the triggers in run
     * order (as mysqldump writes them): the named trigger may not exist yet when the script reaches this one.
     */
    public static String withoutPlacement(String createText) {
        Matcher m = CREATE.matcher(createText.strip());
        if (!m.matches() || m.group(8) == null) {
            return createText;
        }
        String text = createText.strip();
        return text.substring(0, m.start(8)) + text.substring(m.start(10));
    }

    static SqlError syntax(String sql) {
        String near = sql.length() > 80 ? sql.substring(0, 80) : sql;
        return new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual that "
                + "corresponds to your MySQL server version for the right syntax to use near '" + near + "'");
    }
}
