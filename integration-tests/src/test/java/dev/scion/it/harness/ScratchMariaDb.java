package dev.scion.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB (the installed {@code mariadbd}, a fresh data directory, no option files) on a free
 * loopback port and a socket: the oracle of the bad-SQL suite and the other end of the dump round trips. Stopped
 * on close.
 */
public final class ScratchMariaDb implements AutoCloseable {
    public static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

    private final Process process;
    private final int port;
    private final Path dir;

    private ScratchMariaDb(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts one in {@code dir}; {@code serverOptions} are added to mariadbd's command line. */
    public static ScratchMariaDb start(Path dir, String... serverOptions) throws IOException, InterruptedException {
        if (!Files.isExecutable(MARIADBD)) {
            throw new AssertionError("mariadbd is not installed (bin/test installs mariadb-server)");
        }
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        String user = System.getProperty("user.name");
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + data,
                "--user=" + user, "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new AssertionError("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
        int port = ScionServerProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--datadir=" + data,
                "--socket=" + dir.resolve("sock"), "--port=" + port, "--bind-address=127.0.0.1", "--user=" + user,
                "--skip-name-resolve", "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=0",
                "--log-error=" + dir.resolve("mariadb.err")));
        cmd.addAll(List.of(serverOptions));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mariadb.out").toFile()).start();
        ScratchMariaDb db = new ScratchMariaDb(p, port, dir);
        for (int i = 0; i < 600; i++) {
            if (!p.isAlive()) {
                break;
            }
            try (Connection c = db.connect(null)) {
                return db;
            } catch (SQLException e) {
                Thread.sleep(100);
            }
        }
        db.close();
        throw new AssertionError("mariadbd did not start: " + Files.readString(dir.resolve("mariadb.err"),
                StandardCharsets.UTF_8));
    }

    /** A Connector/J connection as root, like the clients of Scion in the same suite. */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("connectTimeout", "10000");
        p.setProperty("socketTimeout", "60000");
        String url = "jdbc:mysql://127.0.0.1:" + port + "/" + (database == null ? "" : database);
        return ConnectorJ.V9.driver().connect(url, p);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * The mariadb command-line client as root over the socket, followed by {@code args} (for example
     * {@code -N -B -e <sql>}).
     */
    public List<String> client(String... args) {
        List<String> cmd = new ArrayList<>(List.of("mariadb", "--no-defaults", "-S", dir.resolve("sock").toString(),
                "-uroot"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code mariadb-dump} as root over the socket, followed by {@code args}. */
    public List<String> dump(String... args) {
        List<String> cmd = new ArrayList<>(List.of("mariadb-dump", "--no-defaults", "-S",
                dir.resolve("sock").toString(), "-uroot"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    public List<String> describe() {
        return List.of("mariadb on 127.0.0.1:" + port, "dir " + dir);
    }
}
