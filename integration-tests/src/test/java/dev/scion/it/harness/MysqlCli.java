package dev.scion.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real mariadb/mysql command-line client against a server.
 *
 * <ul>
 *   <li>{@link #batch}: {@code mariadb --no-defaults -h H -P P -u U --protocol=TCP [args] [db] -e SQL}, or with
 *       {@link #batchStdin} the SQL piped on standard input; returns exit code, stdout and stderr.</li>
 *   <li>{@link #interactive}: the client in a pseudo-terminal ({@code script -qfec CMD /dev/null} from util-linux),
 *       so that it runs its interactive start-up ({@code select @@version_comment limit 1}; with a database
 *       {@code show databases}, {@code show tables} and COM_FIELD_LIST per table for completion) and lines are
 *       typed one at a time, each answered up to the next prompt.</li>
 *   <li>{@link #session}: one long-lived batch client ({@code --force --unbuffered -vvv -t}) fed statement by
 *       statement, each answer delimited by a client-side {@code \! echo MARK} so the server never sees extra
 *       statements. Used by the scenario runner.</li>
 * </ul>
 * The password, if any, goes through {@code MYSQL_PWD}; {@code --no-defaults} keeps option files out.
 */
public final class MysqlCli {
    /** Prompt set with --prompt in interactive mode; {@code \d} is the current database or (none). */
    public static final String PROMPT_PREFIX = "scion-it[";
    private static final Pattern PROMPT_AT_END = Pattern.compile("(?:\\r?\\n|^)(scion-it\\[[^\\]\\r\\n]*\\]> )$");
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007]*\u0007|[()][0-9A-Za-z]|[=>])");
    private static final AtomicLong MARKS = new AtomicLong();

    private final ScionServerProcess server;
    private final String binary;

    public MysqlCli(ScionServerProcess server) {
        this(server, ItConfig.mysqlCli());
    }

    public MysqlCli(ScionServerProcess server, String binary) {
        this.server = server;
        this.binary = binary;
    }

    /** The same server through the {@code mysql} name of the client. */
    public MysqlCli asMysql() {
        return new MysqlCli(server, ItConfig.mysqlCliAsMysql());
    }

    public String binary() {
        return binary;
    }

    /** The command line (without password) for a database (may be null) and extra options. */
    public List<String> command(String database, String... extraArgs) {
        List<String> cmd = new ArrayList<>(List.of(binary, "--no-defaults", "-h", server.host(),
                "-P", Integer.toString(server.port()), "-u", server.user(), "--protocol=TCP"));
        cmd.addAll(Arrays.asList(extraArgs));
        if (database != null) {
            cmd.add(database);
        }
        return cmd;
    }

    // ---------------------------------------------------------------------------------------- batch

    /** Batch mode with {@code -e sql}. */
    public Result batch(String database, String sql, String... extraArgs) {
        List<String> args = new ArrayList<>(Arrays.asList(extraArgs));
        args.add("-e");
        args.add(sql);
        return run(command(database, args.toArray(new String[0])), null);
    }

    /** Batch mode with the SQL on standard input. */
    public Result batchStdin(String database, String input, String... extraArgs) {
        return run(command(database, extraArgs), input);
    }

    private Result run(List<String> cmd, String stdin) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        env(pb.environment());
        if (stdin == null) {
            pb.redirectInput(new File("/dev/null"));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        }
        CompletableFuture<byte[]> out = readAll(p.getInputStream());
        CompletableFuture<byte[]> err = readAll(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the client may exit early (e.g. unknown database); its output says why
        }
        Duration limit = ItConfig.clientTimeout();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("client did not finish within " + limit.toSeconds() + " s: " + cmd
                        + "\n" + server.logTail(40));
            }
            return new Result(cmd, p.exitValue(), new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("reading client output failed: " + e, e);
        }
    }

    private void env(Map<String, String> env) {
        env.remove("MYSQL_PWD");
        env.remove("MYSQL_HOST");
        env.remove("MYSQL_TCP_PORT");
        if (!server.password().isEmpty()) {
            env.put("MYSQL_PWD", server.password());
        }
        env.put("LC_ALL", "C.UTF-8");
    }

    private static CompletableFuture<byte[]> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, r -> {
            Thread t = new Thread(r, "cli-reader");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Outcome of one batch run. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("client failed (exit " + exitCode + "): " + this);
            }
            if (!stderr.isBlank()) {
                throw new AssertionError("client printed errors: " + this);
            }
            return this;
        }

        /** Tables printed with -t (or interactively). */
        public List<CliOutput.Table> tables() {
            return CliOutput.tables(stdout);
        }

        /** Lines of tab-separated batch output (without -t): each line split on tabs. */
        public List<List<String>> tabRows() {
            List<List<String>> rows = new ArrayList<>();
            for (String line : stdout.split("\n", -1)) {
                if (!line.isEmpty()) {
                    rows.add(Arrays.asList(line.split("\t", -1)));
                }
            }
            return rows;
        }

        @Override
        public String toString() {
            return "command " + command + "\n--- exit code: " + exitCode + "\n--- stdout:\n" + stdout
                    + "\n--- stderr:\n" + stderr + "\n---";
        }
    }

    // ---------------------------------------------------------------------------------------- session

    /** A long-lived batch client ({@code --force --unbuffered -vvv -t}) fed one statement at a time. */
    public Session session(String database) {
        List<String> cmd = command(database, "--force", "--unbuffered", "-vvv", "-t");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        env(pb.environment());
        try {
            return new Session(cmd, pb.start(), server);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        }
    }

    /** One batch client process; see {@link #session}. */
    public static final class Session implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final OutputBuffer out;
        private final OutputStream in;
        private final ScionServerProcess server;
        private int consumed;

        Session(List<String> command, Process process, ScionServerProcess server) {
            this.command = command;
            this.process = process;
            this.server = server;
            this.out = new OutputBuffer(process.getInputStream());
            this.in = process.getOutputStream();
        }

        /**
         * Sends one statement (a terminating ';' is added when missing) and returns everything the client printed
         * for it (stdout and stderr merged, in order).
         */
        public String execute(String statement) {
            String stmt = statement.strip();
            if (stmt.isEmpty()) {
                throw new IllegalArgumentException("empty statement");
            }
            return exchange(stmt + (stmt.endsWith(";") ? "" : ";") + "\n", stmt, false);
        }

        /**
         * Sends nothing to the server, only a client-side echo, and returns what the client printed before it: after
         * start-up this shows whether the client connected (a failed connect prints ERROR and exits).
         */
        public String probe() {
            return exchange("", "(connect)", true);
        }

        private String exchange(String input, String what, boolean mayExit) {
            String mark = "__scion_it_mark_" + MARKS.incrementAndGet() + "__";
            String needle = mark + "\n";
            try {
                in.write((input + "\\! echo " + mark + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                // the client exited (e.g. it could not connect): what it printed says why
                out.awaitEof(Duration.ofSeconds(10));
                return exited(what, mayExit);
            }
            int at = out.awaitContains(needle, consumed, ItConfig.clientTimeout());
            if (at < 0) {
                if (out.isEof()) {
                    return exited(what, mayExit);
                }
                throw new AssertionError("no answer from the client within " + ItConfig.clientTimeout().toSeconds()
                        + " s for: " + what + "\noutput so far:\n" + out.text().substring(consumed)
                        + "\n" + server.logTail(40));
            }
            String segment = out.text().substring(consumed, at);
            consumed = at + needle.length();
            return segment;
        }

        private String exited(String what, boolean mayExit) {
            String rest = out.text().substring(consumed);
            consumed = out.text().length();
            if (!mayExit) {
                throw new AssertionError("the client exited while running: " + what + "\ncommand: " + command
                        + "\nits last output:\n" + rest + "\n" + server.logTail(40));
            }
            return rest;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Everything the client printed so far. */
        public String transcript() {
            return out.text();
        }

        @Override
        public void close() {
            endClient(in, process, 10);
        }
    }

    // ---------------------------------------------------------------------------------------- interactive

    /**
     * The client in a pseudo-terminal, waiting at its first prompt. The prompt is {@code scion-it[DB]> }.
     */
    public Interactive interactive(String database, String... extraArgs) {
        List<String> args = new ArrayList<>(Arrays.asList(extraArgs));
        args.add("--prompt=scion-it[\\d]> ");
        List<String> client = command(database, args.toArray(new String[0]));
        String shellCommand = String.join(" ", client.stream().map(MysqlCli::shellQuote).toList());
        List<String> cmd = List.of("script", "-qfec", shellCommand, "/dev/null");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        env(pb.environment());
        pb.environment().put("TERM", "dumb");
        pb.environment().put("COLUMNS", "200");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        }
        Interactive session = new Interactive(client, p, server);
        session.awaitFirstPrompt();
        return session;
    }

    /** An interactive client session in a pseudo-terminal. */
    public static final class Interactive implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final OutputBuffer out;
        private final OutputStream in;
        private final ScionServerProcess server;
        private int consumed;
        private String banner = "";
        private String prompt = "";

        Interactive(List<String> command, Process process, ScionServerProcess server) {
            this.command = command;
            this.process = process;
            this.server = server;
            this.out = new OutputBuffer(process.getInputStream());
            this.in = process.getOutputStream();
        }

        void awaitFirstPrompt() {
            banner = awaitPrompt("start-up");
        }

        /** What the client printed before its first prompt (welcome text, "Server version: ..."). */
        public String banner() {
            return banner;
        }

        /** The current prompt, e.g. {@code scion-it[mydb]> }. */
        public String prompt() {
            return prompt;
        }

        /** The database the prompt shows ({@code (none)} when none). */
        public String promptDatabase() {
            return prompt.substring(PROMPT_PREFIX.length(), prompt.length() - "]> ".length());
        }

        /**
         * Types one line (include a terminating ';' for SQL, or e.g. a TAB for completion) and returns what the
         * client printed up to its next prompt, without the echoed input line, with \r and escape codes removed.
         */
        public String send(String line) {
            type(line + "\n");
            String answer = awaitPrompt(line);
            int nl = answer.indexOf('\n');
            return nl < 0 ? "" : answer.substring(nl + 1);
        }

        /** Like {@link #send} but returns the full answer including the echoed input line (for completion checks). */
        public String sendRaw(String line) {
            type(line + "\n");
            return awaitPrompt(line);
        }

        /** Sends {@code quit} and waits for the client to exit; returns its exit code. */
        public int quit() {
            return sendAndExit("quit");
        }

        /** Types a line that ends the client ({@code quit}, {@code exit}) and waits for it to exit; returns the exit code. */
        public int sendAndExit(String line) {
            type(line + "\n");
            try {
                if (!process.waitFor(ItConfig.clientTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("client did not exit after '" + line + "'\n" + transcript());
                }
                out.awaitEof(Duration.ofSeconds(10));
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Everything printed so far (escape codes and \r removed). */
        public String transcript() {
            return clean(out.text());
        }

        private void type(String s) {
            try {
                in.write(s.getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                throw new AssertionError("client no longer reads input: " + e + "\n" + transcript());
            }
        }

        private String awaitPrompt(String what) {
            long deadline = System.nanoTime() + ItConfig.clientTimeout().toNanos();
            while (true) {
                long seen = out.writes();
                String raw = out.text();
                String fresh = clean(raw.substring(consumed));
                Matcher m = PROMPT_AT_END.matcher(fresh);
                if (m.find()) {
                    consumed = raw.length();
                    prompt = m.group(1);
                    return fresh.substring(0, m.start());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (out.isEof() && out.text().length() == raw.length())) {
                    throw new AssertionError("no prompt from the interactive client after '" + what.strip() + "'"
                            + (out.isEof() ? " (the client exited)" : " within " + ItConfig.clientTimeout().toSeconds() + " s")
                            + "\ncommand: " + command + "\ntranscript:\n" + transcript() + "\n" + server.logTail(40));
                }
                out.awaitGrowth(seen, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }

        @Override
        public void close() {
            endClient(in, process, 5);
        }
    }

    /** Closes a client's input (it quits at end of input) and waits for it, killing it after the grace period. */
    private static void endClient(OutputStream in, Process process, int graceSeconds) {
        try {
            in.close();
        } catch (IOException ignored) {
            // gone already
        }
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes terminal escape sequences, \r and BEL. */
    public static String clean(String s) {
        return ANSI.matcher(s).replaceAll("").replace("\r", "").replace("\u0007", "");
    }

    static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./=:@%+-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Collects a stream's output on a daemon thread; waiters block on it with bounds. */
    static final class OutputBuffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean eof;
        private long writes;

        OutputBuffer(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (this) {
                            bytes.write(buf, 0, n);
                            writes++;
                            notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // process gone
                } finally {
                    synchronized (this) {
                        eof = true;
                        notifyAll();
                    }
                }
            }, "cli-output");
            t.setDaemon(true);
            t.start();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean isEof() {
            return eof;
        }

        /** Index of needle at or after from, waiting (bounded) for it; -1 on timeout or EOF without it. */
        synchronized int awaitContains(String needle, int from, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                int at = text().indexOf(needle, from);
                if (at >= 0) {
                    return at;
                }
                long left = deadline - System.nanoTime();
                if (eof || left <= 0) {
                    return -1;
                }
                waitNanos(left);
            }
        }

        synchronized long writes() {
            return writes;
        }

        /** Waits (at most nanos) until something more than the first {@code seenWrites} writes has arrived. */
        synchronized void awaitGrowth(long seenWrites, long nanos) {
            if (writes == seenWrites && !eof) {
                waitNanos(nanos);
            }
        }

        synchronized void awaitEof(Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!eof) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waitNanos(left);
            }
        }

        private void waitNanos(long nanos) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
