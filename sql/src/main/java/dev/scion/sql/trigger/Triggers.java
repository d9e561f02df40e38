package dev.scion.sql.trigger;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.SchemaFragments;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The triggers of a database: {@link SchemaFragments} of type {@code trigger} whose fragment is the CREATE TRIGGER
 * statement, as Dolt stores them, so triggers are versioned, branched and merged with the data. The order in which
 * the triggers of one table, timing and event run (MySQL's ACTION_ORDER: creation order, moved by FOLLOWS /
 * PRECEDES) is stored beside the text in the fragment's {@code extra} JSON as {@code "ActionOrder"}; a trigger
 * stored without one sorts first, by name. The sql_mode of the session that created the trigger, which its body runs
 * under and SHOW CREATE TRIGGER shows, is stored there too as {@code "SqlMode"} (a trigger stored before that has
 * none: its body runs under the writing session's mode).
 */
public final class Triggers {
    static final String TYPE = "trigger";

    private static final Pattern ACTION_ORDER = Pattern.compile("\"ActionOrder\"\\s*:\\s*(\\d+)");
    private static final Pattern SQL_MODE = Pattern.compile("\"SqlMode\"\\s*:\\s*\"([A-Z_,]*)\"");

    /** Table, then event and timing in MySQL's enum order, then the stored action order, then name. */
    private static final Comparator<Stored> RUN_ORDER = Comparator
            .comparing((Stored s) -> s.definition().table().toLowerCase(Locale.ROOT))
            .thenComparing(s -> s.definition().event())
            .thenComparing(s -> s.definition().timing())
            .thenComparingLong(Stored::actionOrder)
            .thenComparing(s -> s.definition().name().toLowerCase(Locale.ROOT));

    private Triggers() {
    }

    /** A trigger with the sql_mode it was created under (null when it was stored without one). */
    public record Recorded(TriggerDefinition definition, String sqlMode) {
        /** The sql_mode to show for it: the recorded one, else the default. */
        public String shownSqlMode() {
            return sqlMode != null ? sqlMode : dev.scion.sql.session.SqlModeValue.DEFAULT;
        }
    }

    private record Stored(TriggerDefinition definition, long actionOrder, String sqlMode) {
    }

    public static Optional<String> definition(DatabaseState db, String name) {
        return SchemaFragments.definition(db, TYPE, name);
    }

    /**
     * Every trigger of the database, parsed, ordered by table, event and timing, and within one of those groups in
     * the order the triggers run (as SHOW TRIGGERS lists them).
     */
    public static List<TriggerDefinition> all(DatabaseState db) {
        return stored(db).stream().map(Stored::definition).toList();
    }

    /** {@link #all} with each trigger's recorded sql_mode. */
    public static List<Recorded> allRecorded(DatabaseState db) {
        return stored(db).stream().map(s -> new Recorded(s.definition(), s.sqlMode())).toList();
    }

    private static List<Stored> stored(DatabaseState db) {
        return stored(SchemaFragments.fragments(db, TYPE), db.name());
    }

    private static List<Stored> stored(List<SchemaFragments.Fragment> fragments, String database) {
        List<Stored> out = new ArrayList<>();
        for (SchemaFragments.Fragment f : fragments) {
            out.add(new Stored(TriggerDefinition.parse(f.text(), database).definition(), actionOrder(f.extra()),
                    sqlMode(f.extra())));
        }
        out.sort(RUN_ORDER);
        return out;
    }

    /**
     * CREATE TRIGGER statements that recreate stored trigger fragments (read straight from a {@code dolt_schemas},
     * as a dump does) with the same run order: in that order, without FOLLOWS / PRECEDES.
     */
    public static List<String> recreateInRunOrder(List<SchemaFragments.Fragment> fragments, String database) {
        return stored(fragments, database).stream()
                .map(s -> TriggerDefinition.withoutPlacement(s.definition().text())).toList();
    }

    /** The triggers whose subject is {@code table} (matched case-insensitively), in run order. */
    public static List<TriggerDefinition> forTable(DatabaseState db, String table) {
        return forTableRecorded(db, table).stream().map(Recorded::definition).toList();
    }

    /** {@link #forTable} with each trigger's recorded sql_mode. */
    public static List<Recorded> forTableRecorded(DatabaseState db, String table) {
        if (db.workingRoot().resolveName(SchemaFragments.TABLE).isEmpty()) {
            return List.of(); // no views or triggers at all: the common case costs one name lookup
        }
        List<Recorded> out = new ArrayList<>();
        for (Recorded t : allRecorded(db)) {
            if (t.definition().table().equalsIgnoreCase(table)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Stores a new trigger after the others of its table, timing and event, or next to the one {@code placement}
     * names (3076 if there is no such trigger for that table, timing and event), renumbering the group.
     */
    static void create(DatabaseState db, TriggerDefinition trigger, Optional<TriggerDefinition.Placement> placement,
                       String sqlMode) {
        List<Stored> group = new ArrayList<>();
        for (Stored s : stored(db)) {
            if (sameGroup(s.definition(), trigger)) {
                group.add(s);
            }
        }
        int at = group.size();
        if (placement.isPresent()) {
            String other = placement.get().other();
            int i = 0;
            while (i < group.size() && !group.get(i).definition().name().equalsIgnoreCase(other)) {
                i++;
            }
            if (i == group.size()) {
                throw new SqlError(ErrorCode.REFERENCED_TRG_DOES_NOT_EXIST, "Referenced trigger '" + other
                        + "' for the given action time and event type does not exist.");
            }
            at = placement.get().follows() ? i + 1 : i;
        }
        group.add(at, new Stored(trigger, -1, sqlMode));
        for (int k = 0; k < group.size(); k++) {
            Stored s = group.get(k);
            if (s.actionOrder() != k + 1) {
                SchemaFragments.put(db, TYPE, s.definition().name(), s.definition().text(),
                        extra(k + 1, s.sqlMode()));
            }
        }
    }

    private static boolean sameGroup(TriggerDefinition a, TriggerDefinition b) {
        return a.table().equalsIgnoreCase(b.table()) && a.timing() == b.timing() && a.event() == b.event();
    }

    private static String extra(long actionOrder, String sqlMode) {
        return "{\"ActionOrder\": " + actionOrder + (sqlMode == null ? "" : ", \"SqlMode\": \"" + sqlMode + "\"") + "}";
    }

    private static String sqlMode(String extra) {
        if (extra == null) {
            return null;
        }
        Matcher m = SQL_MODE.matcher(extra);
        return m.find() ? m.group(1) : null;
    }

    private static long actionOrder(String extra) {
        if (extra == null) {
            return 0;
        }
        Matcher m = ACTION_ORDER.matcher(extra);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static boolean remove(DatabaseState db, String name) {
        return SchemaFragments.remove(db, TYPE, name);
    }

    /** Drops the triggers of a dropped table, as MySQL does. */
    public static void dropForTable(DatabaseState db, String table) {
        for (TriggerDefinition t : forTable(db, table)) {
            remove(db, t.name());
        }
    }
}
