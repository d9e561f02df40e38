package dev.scion.sql.event;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.admin.SchemaObjectSyntax;
import dev.scion.sql.admin.ShowFilter;
import dev.scion.sql.admin.TargetDatabase;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE / ALTER / DROP EVENT, SHOW EVENTS, SHOW CREATE EVENT and information_schema.EVENTS. The front end owns
 * them, as it owns triggers: an event's body is a routine body Calcite cannot parse.
 */
public final class EventStatements {
    private static final SchemaObjectSyntax SYNTAX = new SchemaObjectSyntax("EVENT", "EVENTS");

    static final List<String> SHOW_COLUMNS = List.of("Db", "Name", "Definer", "Time zone", "Type", "Execute at",
            "Interval value", "Interval field", "Starts", "Ends", "Status", "Originator", "character_set_client",
            "collation_connection", "Database Collation");

    /** Scion does not record the creating session's time zone: every event runs in the server's. */
    private static final String TIME_ZONE = "SYSTEM";

    private EventStatements() {
    }

    /** The event statement the text is, if it is one. */
    public static Optional<AdminStatement> match(String text) {
        if (EventParser.isCreateOrAlter(text)) {
            return Optional.of(session -> createOrAlter(session, EventParser.parse(text)));
        }
        return SYNTAX.match(text, EventStatements::drop, EventStatements::showCreate,
                EventStatements::showEvents);
    }

    /** An event body may not create a stored routine, trigger or event (MySQL: 1303, 1576 for an event). */
    private static void checkBody(String body) {
        if (body == null) {
            return;
        }
        Matcher m = Pattern.compile("(?is)CREATE\\s+(?:DEFINER\\s*=\\s*\\S+\\s+)?"
                + "(PROCEDURE|FUNCTION|TRIGGER|EVENT)\\b.*").matcher(body.strip());
        if (m.matches()) {
            if (m.group(1).equalsIgnoreCase("EVENT")) {
                throw new SqlError(ErrorCode.EVENT_RECURSION_FORBIDDEN,
                        "Recursion of EVENT DDL statements is forbidden when body is present");
            }
            throw new SqlError(ErrorCode.SP_NO_RECURSIVE_CREATE, "Can't create a "
                    + m.group(1).toUpperCase(java.util.Locale.ROOT) + " from within another stored routine");
        }
    }

    private static StatementResult createOrAlter(Session session, EventParser.Clauses c) {
        checkBody(c.body());
        String dbName = c.database() != null ? c.database() : session.currentDatabase();
        if (dbName == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = TargetDatabase.writable(session, dbName);
        return c.create() ? create(session, db, c) : alter(session, db, c);
    }

    private static StatementResult create(Session session, DatabaseState db, EventParser.Clauses c) {
        if (Events.get(db, c.name()).isPresent()) {
            if (c.ifNotExists()) {
                session.addNote(ErrorCode.EVENT_ALREADY_EXISTS.code(), "Event '" + c.name() + "' already exists");
                return StatementResult.ok();
            }
            throw alreadyExists(c.name());
        }
        LocalDateTime now = EventClock.now();
        Schedule s = schedule(session, c, now);
        boolean preserve = Boolean.TRUE.equals(c.preserve());
        EventDefinition.Status status = c.status() == null ? EventDefinition.Status.ENABLED : c.status();
        if (s.over(now)) {
            if (!preserve) {
                session.addNote(ErrorCode.EVENT_CANNOT_CREATE_IN_THE_PAST.code(), "Event execution time is in the "
                        + "past and ON COMPLETION NOT PRESERVE is set. The event was dropped immediately after "
                        + "creation.");
                return StatementResult.ok();
            }
            status = disabledInThePast(session, status);
        }
        String definer = c.definer() != null ? definer(session, c.definer()) : definerOf(session);
        Events.put(db, new EventDefinition(c.name(), definer, s.at, s.every, s.starts, s.ends, preserve, status,
                c.comment(), c.body()), sessionSqlMode(session));
        return StatementResult.ok();
    }

    private static StatementResult alter(Session session, DatabaseState db, EventParser.Clauses c) {
        EventDefinition old = Events.get(db, c.name()).orElseThrow(() -> unknown(c.name()));
        LocalDateTime now = EventClock.now();
        Schedule s = c.hasSchedule() ? schedule(session, c, now)
                : new Schedule(old.at(), old.every(), old.starts(), old.ends());
        boolean preserve = c.preserve() != null ? c.preserve() : old.preserve();
        EventDefinition.Status status = c.status() != null ? c.status() : old.status();
        // MySQL checks the time only when the statement gives a schedule; enabling a one-time event whose time
        // has passed drops it (NOT PRESERVE) as Dolt does, instead of running it once late
        boolean check = c.hasSchedule() || c.status() == EventDefinition.Status.ENABLED;
        boolean dropNow = false;
        if (check && s.over(now)) {
            if (!preserve) {
                if (c.hasSchedule()) {
                    throw new SqlError(ErrorCode.EVENT_CANNOT_ALTER_IN_THE_PAST, "Event execution time is in the "
                            + "past and ON COMPLETION NOT PRESERVE is set. The event was not changed. Specify a time "
                            + "in the future.");
                }
                dropNow = true;
            } else if (c.status() == null || c.status() == EventDefinition.Status.ENABLED) {
                status = disabledInThePast(session, EventDefinition.Status.ENABLED);
            }
        }
        String name = old.name();
        DatabaseState target = db;
        if (c.renameTo() != null) {
            target = c.renameDatabase() == null ? db : TargetDatabase.writable(session, c.renameDatabase());
            boolean sameDb = target.name().equalsIgnoreCase(db.name());
            if (sameDb && c.renameTo().equalsIgnoreCase(old.name())) {
                throw new SqlError(ErrorCode.EVENT_SAME_NAME, "Same old and new event name");
            }
            if (Events.get(target, c.renameTo()).isPresent()) {
                throw alreadyExists(c.renameTo());
            }
            name = c.renameTo();
        }
        Events.remove(db, old.name());
        if (dropNow) {
            return StatementResult.ok();
        }
        String definer = c.definer() != null ? definer(session, c.definer()) : old.definer();
        Events.put(target, new EventDefinition(name, definer, s.at, s.every, s.starts, s.ends, preserve, status,
                c.comment() != null ? c.comment() : old.comment(), c.body() != null ? c.body() : old.body()),
                sessionSqlMode(session)); // ALTER EVENT records the altering session's mode, as in MySQL
        return StatementResult.ok();
    }

    /** A time in the past with ON COMPLETION PRESERVE: the event is kept, disabled, with note 1544 (as MySQL). */
    private static EventDefinition.Status disabledInThePast(Session session, EventDefinition.Status status) {
        if (status != EventDefinition.Status.ENABLED) {
            return status;
        }
        session.addNote(ErrorCode.EVENT_EXEC_TIME_IN_THE_PAST.code(),
                "Event execution time is in the past. Event has been disabled");
        return EventDefinition.Status.DISABLED;
    }

    /** An event's schedule with its times evaluated. */
    private record Schedule(LocalDateTime at, EventInterval every, LocalDateTime starts, LocalDateTime ends) {
        /** No run is left: a one-time event's time, or a recurring event's end, is before {@code now}. */
        boolean over(LocalDateTime now) {
            return every == null ? at.isBefore(now) : ends != null && ends.isBefore(now);
        }
    }

    private static Schedule schedule(Session session, EventParser.Clauses c, LocalDateTime now) {
        if (c.atExpr() != null) {
            return new Schedule(time(session, c.atExpr(), "AT"), null, null, null);
        }
        EventInterval every = new EventInterval(quantity(session, c.everyExpr()), c.everyUnit());
        LocalDateTime starts = c.startsExpr() == null ? now : time(session, c.startsExpr(), "STARTS");
        LocalDateTime ends = c.endsExpr() == null ? null : time(session, c.endsExpr(), "ENDS");
        if (ends != null && ends.isBefore(starts)) {
            throw new SqlError(ErrorCode.EVENT_ENDS_BEFORE_STARTS, "ENDS is either invalid or before STARTS");
        }
        return new Schedule(null, every, starts, ends);
    }

    /** Evaluates a time expression the way the session would in a SELECT (its clock, its user variables). */
    private static LocalDateTime time(Session session, String expr, String clause) {
        Object v = evaluate(session, "CAST((" + expr + ") AS DATETIME)");
        if (!(v instanceof LocalDateTime t)) {
            throw new SqlError(ErrorCode.WRONG_VALUE, "Incorrect " + clause + " value: '" + expr + "'");
        }
        return t.withNano(0);
    }

    private static String quantity(Session session, String expr) {
        String e = expr.strip();
        if (e.matches("\\d+")) {
            return e;
        }
        if (e.length() >= 2 && (e.charAt(0) == '\'' || e.charAt(0) == '"') && e.charAt(e.length() - 1) == e.charAt(0)) {
            return Identifiers.unquoteString(e);
        }
        Object v = evaluate(session, e);
        if (v == null) {
            throw new SqlError(ErrorCode.WRONG_VALUE, "Incorrect INTERVAL value: '" + expr + "'");
        }
        return dev.scion.sql.expr.Values.toStringValue(v);
    }

    private static Object evaluate(Session session, String expr) {
        StatementResult r = session.engine().executeNested(session, "SELECT " + expr);
        if (!(r instanceof StatementResult.Rows rows)) {
            throw new IllegalStateException("SELECT returned no rows");
        }
        try (RowStream stream = rows.rows()) {
            Object[] row = stream.next();
            return row == null ? null : row[0];
        }
    }

    private static StatementResult drop(Session session, String dbName, String name, boolean ifExists) {
        DatabaseState db = TargetDatabase.of(session, dbName);
        if (Events.get(db, name).isEmpty()) {
            if (ifExists) {
                session.addNote(ErrorCode.SP_DOES_NOT_EXIST.code(), "Event " + name + " does not exist");
                return StatementResult.ok();
            }
            throw unknown(name);
        }
        Events.remove(TargetDatabase.writable(session, db.name()), name);
        return StatementResult.ok();
    }

    private static StatementResult showCreate(Session session, String dbName, String name) {
        DatabaseState db = TargetDatabase.of(session, dbName);
        EventDefinition e = Events.get(db, name).orElseThrow(() -> unknown(name));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {e.name(), sqlMode(db, e.name()), TIME_ZONE, e.createText(), "utf8mb4", "utf8mb4_0900_bin",
                "utf8mb4_0900_bin"});
        return new StatementResult.Rows(List.of(ResultColumn.text("Event"), ResultColumn.text("sql_mode"),
                ResultColumn.text("time_zone"), ResultColumn.text("Create Event"),
                ResultColumn.text("character_set_client"), ResultColumn.text("collation_connection"),
                ResultColumn.text("Database Collation")), RowStream.of(rows));
    }

    private static StatementResult showEvents(Session session, String dbName, String tail) {
        DatabaseState db = TargetDatabase.of(session, dbName);
        List<Object[]> rows = new ArrayList<>();
        for (EventDefinition e : Events.all(db)) {
            rows.add(new Object[] {db.name(), e.name(), e.definer(), TIME_ZONE,
                    e.recurring() ? "RECURRING" : "ONE TIME", EventDefinition.format(e.at()),
                    e.recurring() ? e.every().quantity() : null,
                    e.recurring() ? e.every().unit().name() : null, EventDefinition.format(e.starts()),
                    EventDefinition.format(e.ends()), e.status().name(), 0L, "utf8mb4", "utf8mb4_0900_bin",
                    "utf8mb4_0900_bin"});
        }
        // SHOW EVENTS LIKE matches the event name, the second column
        ShowFilter filter = ShowFilter.parse(tail);
        if (filter.like() != null) {
            Pattern like = Identifiers.likePattern(filter.like());
            rows.removeIf(r -> !like.matcher((String) r[1]).matches());
        }
        return new ShowFilter(null, filter.where()).result(session, SHOW_COLUMNS, rows);
    }

    /** information_schema.EVENTS: one row per event of every database the user may see. */
    public static List<Object[]> informationSchemaRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(session.engine().dataDirectory().names());
        for (String n : names) {
            if (!session.access().hasAnyOnDatabase(n)) {
                continue;
            }
            DatabaseState db = session.findDatabase(n).orElse(null);
            if (db == null) {
                continue;
            }
            for (EventDefinition e : Events.all(db)) {
                rows.add(new Object[] {"def", db.name(), e.name(), e.definer(), TIME_ZONE, "SQL", e.body(),
                        e.recurring() ? "RECURRING" : "ONE TIME", e.at(),
                        e.recurring() ? e.every().quantity() : null, e.recurring() ? e.every().unit().name() : null,
                        sqlMode(db, e.name()), e.starts(), e.ends(), e.status().name(),
                        e.preserve() ? "PRESERVE" : "NOT PRESERVE", null, null, null,
                        e.comment() == null ? "" : e.comment(), 0L, "utf8mb4", "utf8mb4_0900_bin",
                        "utf8mb4_0900_bin"});
            }
        }
        return rows;
    }

    /** The sql_mode recorded with an event; the default for one stored before modes were recorded. */
    private static String sqlMode(DatabaseState db, String event) {
        return Events.sqlMode(db, event).orElse(dev.scion.sql.session.SqlModeValue.DEFAULT);
    }

    private static String sessionSqlMode(Session session) {
        Object mode = session.variable("sql_mode");
        return mode == null ? "" : mode.toString();
    }

    /** The definer of an event the session creates: its account, as MySQL's CURRENT_USER. */
    private static String definerOf(Session session) {
        return session.access().account().map(a -> quoteUser(a.user(), a.host()))
                .orElseGet(() -> quoteUser(session.user(), session.host() == null ? "%" : session.host()));
    }

    /** {@code DEFINER = user} as written, normalised to {@code `user`@`host`}. */
    private static String definer(Session session, String written) {
        String w = written.strip();
        if (w.matches("(?i)CURRENT_USER\\s*(\\(\\s*\\))?")) {
            return definerOf(session);
        }
        int at = lastAt(w);
        String user = at < 0 ? w : w.substring(0, at).strip();
        String host = at < 0 ? "%" : w.substring(at + 1).strip();
        return quoteUser(Identifiers.unquote(user), Identifiers.unquote(host));
    }

    private static int lastAt(String s) {
        boolean quoted = false;
        char q = 0;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == q) {
                    quoted = false;
                }
            } else if (ch == '`' || ch == '\'' || ch == '"') {
                quoted = true;
                q = ch;
            } else if (ch == '@') {
                found = i;
            }
        }
        return found;
    }

    static String quoteUser(String user, String host) {
        return "`" + user.replace("`", "``") + "`@`" + host.replace("`", "``") + "`";
    }

    private static SqlError alreadyExists(String name) {
        return new SqlError(ErrorCode.EVENT_ALREADY_EXISTS, "Event '" + name + "' already exists");
    }

    private static SqlError unknown(String name) {
        return new SqlError(ErrorCode.EVENT_DOES_NOT_EXIST, "Unknown event '" + name + "'");
    }
}
