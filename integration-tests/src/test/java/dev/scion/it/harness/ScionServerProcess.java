package dev.scion.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.opentest4j.TestAbortedException;

/**
 * One real {@code scion sql-server} process: {@code java -jar cli/target/scion.jar sql-server --host 127.0.0.1
 * --port P --data-dir D} on a free port, with its stdout and stderr appended to {@code target/it-logs/NAME.log}.
 *
 * <p>{@link #start(String)} uses a fresh data directory under {@code target/it-data/}; {@link #start(String, Path)}
 * reuses a given one. {@link #stop()} sends SIGTERM and waits for the process to exit; {@link #kill()} sends
 * SIGKILL; {@link #restart()} stops (if running) and starts again on the same data directory and port.
 *
 * <p>External mode ({@code -Dscion.it.server=HOST:PORT}): nothing is started; the object just names that server.
 * {@link #stop()}, {@link #kill()} and {@link #restart()} then abort the calling test (reported as skipped), because
 * an external server cannot be controlled.
 */
public final class ScionServerProcess implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Set<ScionServerProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (ScionServerProcess s : LIVE) {
                Process p = s.process;
                if (p != null && p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        }, "scion-it-reaper"));
    }

    private final String name;
    private final String host;
    private int port;
    private final Path dataDir;
    private final Path logFile;
    private final boolean external;
    private Process process;
    private int starts;
    /** Extra sql-server options (e.g. --remotesapi-port), kept across restarts. */
    private List<String> extraArgs = List.of();
    /** Extra JVM options after {@link ItConfig#serverJvmArgs()}, kept across restarts. */
    private List<String> extraJvmArgs = List.of();

    private ScionServerProcess(String name, String host, int port, Path dataDir, Path logFile, boolean external) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.external = external;
    }

    /** Starts a server on a fresh data directory (or names the external server). */
    public static ScionServerProcess start(String name) {
        return start(name, List.of());
    }

    /** Starts a server on a fresh data directory with extra sql-server options. */
    public static ScionServerProcess start(String name, List<String> extraArgs) {
        return start(name, extraArgs, List.of());
    }

    /** Starts a server on a fresh data directory with extra sql-server options and extra JVM options. */
    public static ScionServerProcess start(String name, List<String> extraArgs, List<String> extraJvmArgs) {
        if (ItConfig.isExternal()) {
            return external(name);
        }
        String unique = sanitize(name) + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
        Path dir = ItConfig.targetDir().resolve("it-data").resolve(unique);
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Path logs = ItConfig.targetDir().resolve("it-logs");
            Files.createDirectories(logs);
            ScionServerProcess s = new ScionServerProcess(name, "127.0.0.1", freePort(), dir,
                    logs.resolve(dir.getFileName() + ".log"), false);
            s.extraArgs = List.copyOf(extraArgs);
            s.extraJvmArgs = List.copyOf(extraJvmArgs);
            s.startProcess();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server on the given data directory, e.g. to reopen an earlier one. A missing directory is left for the
     * server to create (issue 2: the data directory is created if missing).
     */
    public static ScionServerProcess start(String name, Path dataDir) {
        if (ItConfig.isExternal()) {
            return external(name);
        }
        try {
            // the data directory itself is not created here: sql-server must create a missing one
            Files.createDirectories(dataDir.toAbsolutePath().getParent());
            Path logs = ItConfig.targetDir().resolve("it-logs");
            Files.createDirectories(logs);
            Path log = logs.resolve(dataDir.getFileName() + ".log");
            ScionServerProcess s = new ScionServerProcess(name, "127.0.0.1", freePort(), dataDir, log, false);
            s.startProcess();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScionServerProcess external(String name) {
        String spec = ItConfig.externalServer();
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("scion.it.server must be HOST:PORT, got " + spec);
        }
        return new ScionServerProcess(name, spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)),
                null, null, true);
    }

    public String name() { return name; }
    public String host() { return host; }
    public int port() { return port; }
    /** The data directory (null in external mode). */
    public Path dataDir() { return dataDir; }
    /** The server's log file (null in external mode). */
    public Path logFile() { return logFile; }
    public boolean isExternal() { return external; }
    public String user() { return ItConfig.user(); }
    public String password() { return ItConfig.password(); }

    /** The exit code of the last server process, once it has exited (null while it runs or before a start). */
    public Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    public boolean isRunning() {
        return external || (process != null && process.isAlive());
    }

    /** SIGTERM, then wait (bounded) for the process to exit; fails if it does not stop by itself. */
    public void stop() {
        requireManaged("stop");
        if (process == null || !process.isAlive()) {
            return;
        }
        note("harness: SIGTERM");
        process.destroy();
        Duration limit = ItConfig.stopTimeout();
        boolean exited = waitFor(limit);
        if (!exited) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
            throw new AssertionError("server " + name + " did not exit within " + limit.toSeconds()
                    + " s of SIGTERM (killed it)\n" + logTail(80));
        }
        note("harness: exited with code " + process.exitValue());
        LIVE.remove(this);
    }

    /** kill -9, then wait for the process to be gone. */
    public void kill() {
        requireManaged("kill");
        if (process == null || !process.isAlive()) {
            return;
        }
        note("harness: SIGKILL");
        process.destroyForcibly();
        if (!waitFor(Duration.ofSeconds(60))) {
            throw new AssertionError("server " + name + " survived SIGKILL?\n" + logTail(40));
        }
        note("harness: killed, exit code " + process.exitValue());
        LIVE.remove(this);
    }

    /** Clean stop (if running) and start again on the same data directory and port. */
    public void restart() {
        requireManaged("restart");
        stop();
        startProcess();
    }

    /** kill -9 and start again on the same data directory and port. */
    public void killAndRestart() {
        requireManaged("kill");
        kill();
        startProcess();
    }

    /** Starts the process again after {@link #stop()} or {@link #kill()}. */
    public void startAgain() {
        requireManaged("start again");
        if (isRunning()) {
            throw new IllegalStateException("server " + name + " is still running");
        }
        startProcess();
    }

    /**
     * In external mode, drops the named databases so that a test can create them afresh (a managed server is
     * fresh already, so this does nothing there).
     */
    public void dropDatabasesIfExternal(String... databases) {
        if (!external || databases.length == 0) {
            return;
        }
        try (Connection c = ConnectorJ.V9.connect(this, null, false);
             Statement st = c.createStatement()) {
            for (String db : databases) {
                st.execute("DROP DATABASE IF EXISTS `" + db.replace("`", "``") + "`");
            }
        } catch (SQLException e) {
            throw new AssertionError("could not drop databases on the external server: " + e, e);
        }
    }

    /** The last lines of the server's log, for failure messages. */
    public String logTail(int lines) {
        if (external || logFile == null) {
            return "(external server: no log)";
        }
        try {
            if (!Files.exists(logFile)) {
                return "(no log file " + logFile + ")";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            int from = Math.max(0, all.size() - lines);
            StringBuilder sb = new StringBuilder("---- last " + (all.size() - from) + " lines of " + logFile + " ----\n");
            for (String l : all.subList(from, all.size())) {
                sb.append(l).append('\n');
            }
            return sb.append("---- end of server log ----").toString();
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    /** Describes the server for messages: where it listens and where its log is. */
    public String describe() {
        return external ? "external server " + host + ":" + port
                : "scion server '" + name + "' on " + host + ":" + port + " (data " + dataDir + ", log " + logFile + ")";
    }

    @Override
    public void close() {
        if (external) {
            return;
        }
        stop();
    }

    @Override
    public String toString() {
        return describe();
    }

    // ------------------------------------------------------------------------------------------------

    private void requireManaged(String what) {
        if (external) {
            throw new TestAbortedException("cannot " + what + " an external server (-Dscion.it.server); test needs a managed server");
        }
    }

    private void startProcess() {
        List<String> cmd = new ArrayList<>();
        String template = ItConfig.serverCommand();
        if (template != null) {
            for (String part : template.trim().split("\\s+")) {
                cmd.add(part.replace("{host}", host).replace("{port}", Integer.toString(port))
                        .replace("{dataDir}", dataDir.toString()));
            }
        } else {
            Path jar = ItConfig.serverJar();
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError("server jar not found: " + jar
                        + " (build it first: mvn -pl cli -am package, or run mvn verify at the repository root)");
            }
            List<String> jvmArgs = new ArrayList<>(ItConfig.serverJvmArgs());
            jvmArgs.addAll(extraJvmArgs);
            cmd.addAll(JarCommand.of(jvmArgs));
            cmd.add("sql-server");
            cmd.add("--host");
            cmd.add(host);
            cmd.add("--port");
            cmd.add(Integer.toString(port));
            cmd.add("--data-dir");
            cmd.add(dataDir.toString());
            cmd.addAll(extraArgs);
        }
        starts++;
        note("harness: start #" + starts + ": " + String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dataDir.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("could not start " + cmd + ": " + e, e);
        }
        LIVE.add(this);
        awaitReady();
    }

    private void awaitReady() {
        Duration limit = ItConfig.startTimeout();
        Instant deadline = Instant.now().plus(limit);
        Instant began = Instant.now();
        while (true) {
            if (!process.isAlive()) {
                LIVE.remove(this);
                throw new AssertionError("server " + name + " exited with code " + process.exitValue()
                        + " before accepting connections on " + host + ":" + port + "\n" + logTail(80));
            }
            if (accepts()) {
                if (!process.isAlive()) {
                    continue; // something else owns the port and our process died: report above
                }
                note("harness: accepting connections after " + Duration.between(began, Instant.now()).toMillis() + " ms");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(30));
                LIVE.remove(this);
                throw new AssertionError("server " + name + " did not accept connections on " + host + ":" + port
                        + " within " + limit.toSeconds() + " s (killed it)\n" + logTail(80));
            }
            sleep(100);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void note(String line) {
        if (logFile == null) {
            return;
        }
        try {
            Files.writeString(logFile, "\n==== " + Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log note is only a help for humans
        }
    }

    public static int freePort() {
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(false);
            ss.bind(new InetSocketAddress("127.0.0.1", 0));
            return ss.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
