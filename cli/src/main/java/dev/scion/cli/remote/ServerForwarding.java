package dev.scion.cli.remote;

import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.UserConfig;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client half of server mode: a CLI command whose database is owned by a running sql-server is sent there
 * ({@code CALL scion_cli(request)}) over the MySQL protocol, and the server's answer (the command's stdout,
 * stderr and exit code) is replayed here as if the command had run in this process.
 */
public final class ServerForwarding {
    private ServerForwarding() {
    }

    /** How long a command may run before its output is fetched while it runs (short ones never are). */
    private static final long FIRST_POLL_MILLIS = 300;
    private static final long POLL_MILLIS = 200;

    public static int run(ServerAddress server, Invocation invocation, List<String> args, Terminal term) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : HostedRequest.FORWARDED_ENV) {
            invocation.getenv(name).ifPresent(v -> env.put(name, v));
        }
        // the server process may have another home: the caller's config (user.name, user.email) is what counts
        env.put("SCION_HOME", UserConfig.homeDir().toAbsolutePath().toString());
        String liveId = UUID.randomUUID().toString();
        HostedRequest request = new HostedRequest(args, invocation.cwd().toString(), env,
                invocation.zone().getId(), term.colour(), liveId, term.interactive());
        OutputPoller poller = new OutputPoller(server, liveId, term);
        try (MysqlTextClient client = new MysqlTextClient(server.connectHost(), server.port(), "root", null)) {
            poller.start();
            List<MysqlTextClient.Result> answer = client.query("CALL scion_cli('" + request.encode() + "')");
            poller.finish(); // what it fetched was written before the rest of the answer
            int exit = 128;
            for (MysqlTextClient.Result r : answer) {
                if (r.isRows()) {
                    Integer e = replay(r.rows(), term);
                    exit = e == null ? exit : e;
                }
            }
            return exit;
        } catch (MysqlTextClient.ServerError e) {
            poller.finish();
            term.err().println("fatal: the sql-server on port " + server.port() + " owns this database and refused "
                    + "the command: " + e.getMessage() + " (error " + e.code() + ")");
            return 1; // refused (read-only server, missing privilege): nothing changed
        } catch (IOException e) {
            poller.finish();
            term.err().println("fatal: the database is served by scion sql-server on port " + server.port()
                    + " but talking to it failed: " + e.getMessage());
            return 128;
        } finally {
            term.flush();
        }
    }

    /** Writes rows {@code (stream, text)} to the terminal; returns the exit code if a row carried it. */
    static Integer replay(List<List<String>> rows, Terminal term) {
        Integer exit = null;
        for (List<String> row : rows) {
            String text = row.get(1) == null ? "" : row.get(1);
            switch (row.get(0)) {
                case "out" -> term.out().print(text);
                case "err" -> {
                    term.out().flush();
                    term.err().print(text);
                    term.err().flush();
                }
                case "exit" -> exit = Integer.parseInt(text);
                default -> { } // a newer server's extra stream: nothing to show
            }
        }
        return exit;
    }

    /**
     * Shows a running command's output as it is produced: from a second connection, it asks the server for what
     * the command wrote since the last look ({@code scion_cli_output}), first after {@value #FIRST_POLL_MILLIS}
     * ms, then every {@value #POLL_MILLIS} ms, until the command's own answer has come.
     */
    private static final class OutputPoller {
        private final ServerAddress server;
        private final String liveId;
        private final Terminal term;
        private final Thread thread;
        private volatile boolean done;

        OutputPoller(ServerAddress server, String liveId, Terminal term) {
            this.server = server;
            this.liveId = liveId;
            this.term = term;
            this.thread = new Thread(this::loop, "scion-output-poller");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            MysqlTextClient client = null;
            try {
                long wait = FIRST_POLL_MILLIS;
                while (!sleepUnlessDone(wait)) {
                    wait = POLL_MILLIS;
                    if (client == null) {
                        client = new MysqlTextClient(server.connectHost(), server.port(), "root", null);
                    }
                    for (MysqlTextClient.Result r : client.query("CALL " + ScionCliProcedure.OUTPUT + "('"
                            + liveId + "')")) {
                        if (r.isRows()) {
                            replay(r.rows(), term);
                        }
                    }
                    term.out().flush();
                }
            } catch (IOException | RuntimeException e) {
                // live output is a convenience: the command's answer still brings everything not shown yet
            } finally {
                if (client != null) {
                    try {
                        client.close();
                    } catch (IOException ignored) {
                        // the poll connection is done with either way
                    }
                }
            }
        }

        /** Waits; true once the command has answered. */
        private boolean sleepUnlessDone(long millis) {
            synchronized (this) {
                if (!done) {
                    try {
                        wait(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return true;
                    }
                }
                return done;
            }
        }

        /** Stops polling and waits for a poll in flight, so its output comes before the answer's. */
        void finish() {
            synchronized (this) {
                done = true;
                notifyAll();
            }
            if (thread.isAlive() && Thread.currentThread() != thread) {
                try {
                    thread.join(30_000); // a poll answers at once; a server that stopped answering fails it

                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
