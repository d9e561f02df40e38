package dev.scion.it.scenario;

import dev.scion.scenario.Scenario;
import dev.scion.scenario.Expectation;
import dev.scion.scenario.Outcome;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.scion.it.harness.ScionServerProcess;

/**
 * Plays a {@link Scenario} against a server through named client connections. Subclasses supply the client (JDBC
 * or the mariadb CLI). The first mismatch fails the run with the file position, the statement, the expected and
 * the actual outcome, and where the server log is.
 *
 * @param <C> one open client connection
 */
public abstract class ScenarioRunner<C> {
    protected final ScionServerProcess server;
    private final Map<String, C> connections = new LinkedHashMap<>();
    private final Map<String, String> vars = new HashMap<>();
    private String current;

    protected ScenarioRunner(ScionServerProcess server) {
        this.server = server;
    }

    /** A short description of the client, for messages (e.g. "Connector/J 9.5.0, server-prepared"). */
    protected abstract String clientLabel();

    /** Opens a connection; throws {@link ConnectFailure} when the server refuses it. */
    protected abstract C open(String name, String database) throws ConnectFailure;

    protected abstract Outcome execute(C connection, String sql);

    protected abstract void close(C connection);

    /** A refused connect, with the error the client reported. */
    public static final class ConnectFailure extends Exception {
        private static final long serialVersionUID = 1L;
        public final Outcome outcome;

        public ConnectFailure(Outcome outcome) {
            super(outcome.describe());
            this.outcome = outcome;
        }
    }

    public void run(Scenario scenario) {
        try {
            for (Scenario.Step step : scenario.steps()) {
                String at = Scenario.where(scenario.name(), step.line());
                if (step instanceof Scenario.Directive d) {
                    directive(d, at);
                } else if (step instanceof Scenario.Statement s) {
                    statement(s, at);
                }
            }
        } finally {
            closeAll();
        }
    }

    private void directive(Scenario.Directive d, String at) {
        switch (d.kind()) {
            case "connection" -> {
                if (connections.containsKey(d.name())) {
                    if (d.database() != null) {
                        throw new AssertionError(at + ": connection " + d.name() + " is already open; '-- close "
                                + d.name() + "' before reopening it with a database");
                    }
                    current = d.name();
                    return;
                }
                String db = d.database() == null ? null : Outcome.substitute(d.database(), vars);
                try {
                    C c = open(d.name(), db);
                    if (d.expectation().kind() == Expectation.Kind.ERROR) {
                        close(c);
                        throw fail(at, "connect " + d.name() + " to " + (db == null ? "(no database)" : db),
                                d.expectation(), "connected");
                    }
                    connections.put(d.name(), c);
                    current = d.name();
                } catch (ConnectFailure f) {
                    String why = f.outcome.mismatch(d.expectation(), vars);
                    if (why != null) {
                        throw fail(at, "connect " + d.name() + " to " + (db == null ? "(no database)" : db),
                                d.expectation(), f.outcome.describe() + "\n(" + why + ")");
                    }
                    current = null;
                }
            }
            case "close" -> {
                C c = connections.remove(d.name());
                if (c == null) {
                    throw new AssertionError(at + ": no open connection " + d.name());
                }
                close(c);
                if (d.name().equals(current)) {
                    current = null;
                }
            }
            case "restart" -> {
                // SIGTERM with the clients still connected, as in real life; then they reconnect
                server.stop();
                closeAll();
                server.startAgain();
            }
            case "kill" -> {
                // kill -9 first: nothing the clients do on disconnect may help the server
                server.kill();
                closeAll();
                server.startAgain();
            }
            default -> throw new IllegalStateException(d.kind());
        }
    }

    private void statement(Scenario.Statement s, String at) {
        if (current == null) {
            if (connections.containsKey("default")) {
                current = "default";
            } else {
                try {
                    connections.put("default", open("default", null));
                    current = "default";
                } catch (ConnectFailure f) {
                    throw new AssertionError(at + ": could not open the default connection: " + f.outcome.describe()
                            + "\n" + server.describe());
                }
            }
        }
        String sql = Outcome.substitute(s.sql(), vars);
        Outcome out = execute(connections.get(current), sql);
        String why = out.mismatch(s.expectation(), vars);
        if (why != null) {
            throw fail(at, "[" + current + "] " + sql, s.expectation(), out.describe() + "\n(" + why + ")");
        }
    }

    private AssertionError fail(String at, String what, Expectation expected, String actual) {
        return new AssertionError("scenario mismatch at " + at + " (" + clientLabel() + ")\n" + what
                + "\n--- expected:\n" + expected.describe() + "\n--- actual:\n" + actual
                + "\n--- bound variables: " + vars + "\n--- " + server.describe());
    }

    private void closeAll() {
        for (C c : connections.values()) {
            try {
                close(c);
            } catch (RuntimeException ignored) {
                // connection already broken (e.g. after kill -9)
            }
        }
        connections.clear();
        current = null;
    }
}
