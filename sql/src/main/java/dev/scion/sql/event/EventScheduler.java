package dev.scion.sql.event;

import dev.scion.sql.SqlEngine;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.privilege.AccessPolicy;
import dev.scion.sql.privilege.Account;
import dev.scion.sql.routine.BodyParser;
import dev.scion.sql.routine.RoutineInterpreter;
import dev.scion.sql.session.Session;
import dev.scion.versioning.gc.OperationTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MySQL's event scheduler: a daemon thread that once a second reads the events of every database (at the working
 * root of its default branch, where CREATE EVENT wrote them) and runs the enabled ones that are due, each in a
 * session of its own as its definer in its database, where autocommit commits each statement of the body on its
 * own (a failing statement rolls back alone and ends the run), as in MySQL. A one-time event is
 * dropped after its run (kept disabled with ON COMPLETION PRESERVE), as is a recurring one past its ENDS.
 * Runs missed while the server was down are not caught up, as in MySQL; a one-time event whose time passed while
 * the server was down runs at start. {@code @@global.event_scheduler = OFF} pauses it.
 */
public final class EventScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventScheduler.class);
    /** Session ids of the scheduler's own sessions: far from the wire's, which count up from 1. */
    private static final AtomicLong SESSION_IDS = new AtomicLong(1L << 40);
    private static final long TICK_MILLIS = 1000;

    private final SqlEngine engine;
    private final Thread thread;
    private final Object wake = new Object();
    /** Runs of recurring events before this are not made up. */
    private final LocalDateTime startedAt;
    /** The last occurrence run per event ("db/name", lower-case). */
    private final Map<String, LocalDateTime> lastRun = new ConcurrentHashMap<>();
    private final AtomicLong executions = new AtomicLong();
    private volatile boolean stopping;

    /** A scheduler whose thread is not started: {@link #start} starts one; tests call {@link #tick} themselves. */
    EventScheduler(SqlEngine engine) {
        this.engine = engine;
        this.startedAt = EventClock.now().minusSeconds(1);
        this.thread = new Thread(this::loop, "scion-event-scheduler");
        this.thread.setDaemon(true);
    }

    /** Starts a scheduler for the engine's events. */
    public static EventScheduler start(SqlEngine engine) {
        EventScheduler s = new EventScheduler(engine);
        s.thread.start();
        return s;
    }

    /** How many event bodies have been run (for tests and monitoring). */
    public long executions() {
        return executions.get();
    }

    private void loop() {
        while (!stopping) {
            try {
                if (enabled()) {
                    tick(EventClock.now());
                }
            } catch (RuntimeException e) {
                LOG.warn("event scheduler: {}", e.toString());
            }
            synchronized (wake) {
                if (stopping) {
                    break;
                }
                try {
                    // wake just after the next whole second: event times have one-second resolution
                    wake.wait(TICK_MILLIS - System.currentTimeMillis() % TICK_MILLIS + 20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean enabled() {
        Object v = engine.globalVariable("event_scheduler");
        String s = v == null ? "ON" : v.toString().toUpperCase(Locale.ROOT);
        return s.equals("ON") || s.equals("1");
    }

    /** Runs every event due at {@code now}. */
    void tick(LocalDateTime now) {
        for (String dbName : engine.dataDirectory().names()) {
            if (stopping) {
                return;
            }
            List<EventDefinition> events = read(dbName);
            for (EventDefinition e : events) {
                if (e.status() == EventDefinition.Status.ENABLED) {
                    consider(dbName, e, now);
                }
            }
        }
    }

    private List<EventDefinition> read(String dbName) {
        Session s = internalSession("event_scheduler", "localhost");
        // registered with the garbage collector like a statement, so the root it reads stays readable
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            Optional<DatabaseState> db = s.findDatabase(dbName);
            return db.isEmpty() ? List.of() : Events.all(db.get());
        } catch (RuntimeException e) {
            LOG.debug("event scheduler: cannot read the events of {}: {}", dbName, e.toString());
            return List.of();
        } finally {
            s.close();
        }
    }

    private void consider(String dbName, EventDefinition e, LocalDateTime now) {
        String key = (dbName + "/" + e.name()).toLowerCase(Locale.ROOT);
        if (!e.recurring()) {
            if (!e.at().isAfter(now)) {
                run(dbName, e);
                finish(dbName, e);
            }
            return;
        }
        LocalDateTime limit = e.ends() != null && e.ends().isBefore(now) ? e.ends() : now;
        LocalDateTime due = lastOccurrence(e, limit);
        LocalDateTime last = lastRun.getOrDefault(key, startedAt);
        if (due != null && due.isAfter(last)) {
            lastRun.put(key, due);
            run(dbName, e);
        }
        if (e.ends() != null && !now.isBefore(e.ends())) { // its last run is behind it
            lastRun.remove(key);
            finish(dbName, e);
        }
    }

    /** The latest {@code STARTS + k * interval} (k >= 0) not after {@code limit}; null before STARTS. */
    static LocalDateTime lastOccurrence(EventDefinition e, LocalDateTime limit) {
        if (e.starts().isAfter(limit)) {
            return null;
        }
        EventInterval every = e.every();
        long k;
        if (every.fixedLength()) {
            k = Duration.between(e.starts(), limit).getSeconds() / every.seconds();
        } else {
            // months and years: step from an estimate (a month is at least 28 days)
            long approxSeconds = Math.max(1, Duration.between(LocalDateTime.of(2001, 2, 1, 0, 0),
                    every.after(LocalDateTime.of(2001, 2, 1, 0, 0), 1)).getSeconds());
            k = Math.max(0, Duration.between(e.starts(), limit).getSeconds() / approxSeconds - 1);
            while (k > 0 && every.after(e.starts(), k).isAfter(limit)) {
                k--;
            }
            while (!every.after(e.starts(), k + 1).isAfter(limit)) {
                k++;
            }
        }
        return every.after(e.starts(), k);
    }

    /** Runs the body as the definer, in the event's database; errors are logged. */
    private void run(String dbName, EventDefinition e) {
        Account definer = account(e.definer());
        Optional<AccessPolicy> policy = policy(definer);
        if (policy.isEmpty()) {
            LOG.warn("event {}.{} not run: its definer {} does not exist", dbName, e.name(), e.definer());
            return;
        }
        Session s = internalSession(definer.user(), definer.host());
        s.access(policy.get());
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            s.useDatabase(dbName);
            Events.sqlMode(s.database(dbName), e.name()).ifPresent(mode -> s.setVariable("sql_mode", mode));
            RoutineInterpreter.runEvent(s, BodyParser.parse(e.body(), BodyParser.Owner.PROCEDURE));
            s.endStatement(true);
            executions.incrementAndGet();
        } catch (RuntimeException ex) {
            LOG.warn("event {}.{} failed: {}", dbName, e.name(), ex.getMessage());
        } finally {
            s.close();
        }
    }

    /** After the last run: ON COMPLETION NOT PRESERVE drops the event, PRESERVE disables it. */
    private void finish(String dbName, EventDefinition e) {
        Session s = internalSession("event_scheduler", "localhost");
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            DatabaseState db = s.database(dbName);
            Optional<EventDefinition> current = Events.get(db, e.name());
            if (current.isPresent() && current.get().equals(e)) { // not altered meanwhile
                if (e.preserve()) {
                    Events.put(db, e.withStatus(EventDefinition.Status.DISABLED));
                } else {
                    Events.remove(db, e.name());
                }
                s.endStatement(true);
            }
        } catch (RuntimeException ex) {
            LOG.warn("event {}.{}: could not finish it: {}", dbName, e.name(), ex.getMessage());
        } finally {
            s.close();
        }
    }

    private Session internalSession(String user, String host) {
        // not registered with the engine: the scheduler's sessions are not client connections
        return new Session(engine, SESSION_IDS.incrementAndGet(), user, host, false);
    }

    private Optional<AccessPolicy> policy(Account definer) {
        var catalog = engine.accounts();
        if (catalog.find(definer).isPresent()) {
            return Optional.of(AccessPolicy.of(catalog, definer));
        }
        // an engine without accounts (in-process use) checks no privileges
        return catalog.all().isEmpty() ? Optional.of(AccessPolicy.UNRESTRICTED) : Optional.empty();
    }

    /** {@code `user`@`host`} to an account. */
    static Account account(String definer) {
        String d = definer.strip();
        int at = d.lastIndexOf("`@`");
        if (d.startsWith("`") && d.endsWith("`") && at > 0) {
            return new Account(d.substring(1, at).replace("``", "`"), d.substring(at + 3, d.length() - 1)
                    .replace("``", "`"));
        }
        int plain = d.lastIndexOf('@');
        return plain < 0 ? new Account(d, "%") : new Account(d.substring(0, plain), d.substring(plain + 1));
    }

    @Override
    public void close() {
        stopping = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
