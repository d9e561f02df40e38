package dev.scion.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Settings of the integration-test harness, all read from system properties (surefire passes the pom's
 * systemPropertyVariables and every {@code -D} given to mvn).
 *
 * <ul>
 *   <li>{@code scion.it.jar}: the server jar (default {@code ../cli/target/scion.jar}).</li>
 *   <li>{@code scion.it.targetDir}: where logs and data directories go (default {@code target}).</li>
 *   <li>{@code scion.it.driversDir}: where the Connector/J 8.4 jar was copied (default {@code target/drivers}).</li>
 *   <li>{@code scion.it.server=HOST:PORT}: do not start the jar; use this already-running server instead
 *       (external mode, e.g. a scratch MariaDB). Tests that must stop, kill or restart the server are skipped
 *       in this mode only.</li>
 *   <li>{@code scion.it.user} / {@code scion.it.password}: account for every client (default root / empty).</li>
 *   <li>{@code scion.it.serverJvmArgs}: JVM options for the server process (space separated).</li>
 *   <li>{@code scion.it.serverCommand}: start this command instead of the jar (space-separated words with
 *       {host}, {port} and {dataDir} replaced), e.g. to run the harness's own checks against another server.</li>
 *   <li>{@code scion.it.startTimeoutSeconds}: how long a server may take to accept connections (default 180: on
 *       the shared 2-core machine a cold start took 56 s and more at load 30).</li>
 *   <li>{@code scion.it.clientTimeoutSeconds}: bound on waiting for one client answer (default 60). These bounds
 *       only stop a hung test; nothing asserts on time.</li>
 *   <li>{@code scion.it.mysqlCli}: the CLI binary (default /usr/bin/mariadb, else mariadb/mysql on PATH).</li>
 *   <li>{@code scion.it.scenarios}: comma-separated scenario names to run (default: all files).</li>
 * </ul>
 */
public final class ItConfig {
    private ItConfig() {}

    public static Path targetDir() {
        return Path.of(System.getProperty("scion.it.targetDir", "target")).toAbsolutePath().normalize();
    }

    public static Path serverJar() {
        return Path.of(System.getProperty("scion.it.jar", "../cli/target/scion.jar")).toAbsolutePath().normalize();
    }

    public static Path driversDir() {
        return Path.of(System.getProperty("scion.it.driversDir", targetDir().resolve("drivers").toString()))
                .toAbsolutePath().normalize();
    }

    /** {@code HOST:PORT} of an external server, or null when the harness starts the jar itself. */
    public static String externalServer() {
        String s = System.getProperty("scion.it.server", "").trim();
        return s.isEmpty() ? null : s;
    }

    public static boolean isExternal() {
        return externalServer() != null;
    }

    public static String user() {
        return System.getProperty("scion.it.user", "root");
    }

    public static String password() {
        return System.getProperty("scion.it.password", "");
    }

    public static List<String> serverJvmArgs() {
        String s = System.getProperty("scion.it.serverJvmArgs", "-Xmx1g -XX:TieredStopAtLevel=1").trim();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    /** A command template replacing {@code java -jar scion.jar sql-server ...}, or null. */
    public static String serverCommand() {
        String s = System.getProperty("scion.it.serverCommand", "").trim();
        return s.isEmpty() ? null : s;
    }

    public static Duration startTimeout() {
        return Duration.ofSeconds(Long.getLong("scion.it.startTimeoutSeconds", 180));
    }

    public static Duration stopTimeout() {
        return Duration.ofSeconds(Long.getLong("scion.it.stopTimeoutSeconds", 60));
    }

    public static Duration clientTimeout() {
        return Duration.ofSeconds(Long.getLong("scion.it.clientTimeoutSeconds", 60));
    }

    /** The mariadb/mysql command-line client to run. */
    public static String mysqlCli() {
        String p = System.getProperty("scion.it.mysqlCli");
        if (p != null && !p.isBlank()) {
            return p;
        }
        for (String c : List.of("/usr/bin/mariadb", "/usr/bin/mysql")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return "mariadb";
    }

    /** The client under its other name (Debian ships both; {@code mysql} is a link to {@code mariadb}). */
    public static String mysqlCliAsMysql() {
        if (Files.isExecutable(Path.of("/usr/bin/mysql"))) {
            return "/usr/bin/mysql";
        }
        return "mysql";
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
