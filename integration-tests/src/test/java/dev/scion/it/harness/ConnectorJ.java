package dev.scion.it.harness;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The two MySQL Connector/J versions under test. 9.x is the one on the test classpath; 8.4.0 is loaded from
 * {@code target/drivers/mysql-connector-j-8.4.0.jar} (copied there by maven-dependency-plugin) through its own
 * {@link URLClassLoader} whose parent is the platform loader, so the two never see each other's classes. Connections
 * are made with {@link Driver#connect} directly (DriverManager would pick whichever driver answers first).
 */
public enum ConnectorJ {
    V8_4(System.getProperty("scion.it.connectorJ84.version", "8.4.0")),
    V9(System.getProperty("scion.it.connectorJ9.version", "9.5.0"));

    private final String version;
    private volatile Driver driver;

    ConnectorJ(String version) {
        this.version = version;
    }

    public String version() {
        return version;
    }

    /**
     * Each version with {@code useServerPrepStmts} false and true: the client matrix of the JDBC tests, for
     * {@code @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")}.
     */
    public static Stream<Arguments> withProtocols() {
        return Stream.of(values()).flatMap(v -> Stream.of(Arguments.of(v, false), Arguments.of(v, true)));
    }

    public String label() {
        return "Connector/J " + version;
    }

    public synchronized Driver driver() {
        if (driver == null) {
            driver = load();
        }
        return driver;
    }

    private Driver load() {
        try {
            if (this == V9) {
                Class<?> c = Class.forName("com.mysql.cj.jdbc.Driver");
                Driver d = (Driver) c.getDeclaredConstructor().newInstance();
                check(d);
                return d;
            }
            Path jar = ItConfig.driversDir().resolve("mysql-connector-j-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError("Connector/J " + version + " jar missing at " + jar
                        + " (maven-dependency-plugin copies it in generate-test-resources; run through mvn)");
            }
            URLClassLoader loader = new URLClassLoader("connector-j-" + version, new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> c = Class.forName("com.mysql.cj.jdbc.Driver", true, loader);
            Driver d = (Driver) c.getDeclaredConstructor().newInstance();
            check(d);
            return d;
        } catch (MalformedURLException | ReflectiveOperationException e) {
            throw new AssertionError("cannot load " + label() + ": " + e, e);
        }
    }

    private void check(Driver d) {
        String actual = d.getMajorVersion() + "." + d.getMinorVersion();
        if (!version.startsWith(actual + ".") && !version.equals(actual)) {
            throw new AssertionError("expected " + label() + " but the loaded driver says " + actual);
        }
    }

    /** {@code jdbc:mysql://HOST:PORT/DATABASE} (database may be {@code db/branch}, or null for none). */
    public static String url(ScionServerProcess server, String database) {
        return "jdbc:mysql://" + server.host() + ":" + server.port() + "/" + (database == null ? "" : database);
    }

    public Connection connect(ScionServerProcess server, String database, boolean useServerPrepStmts) throws SQLException {
        return connect(server, database, useServerPrepStmts, new Properties());
    }

    public Connection connect(ScionServerProcess server, String database, boolean useServerPrepStmts, Properties extra)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        if (!server.password().isEmpty()) {
            // no password property at all for an empty password (how an explicit "" is sent is its own test:
            // ConnectorJAuthTest)
            p.setProperty("password", server.password());
        }
        p.setProperty("useServerPrepStmts", Boolean.toString(useServerPrepStmts));
        // a bound on a hung server so that a test fails instead of hanging; not a timed assertion
        p.setProperty("connectTimeout", Long.toString(ItConfig.clientTimeout().toMillis()));
        p.setProperty("socketTimeout", Long.toString(ItConfig.clientTimeout().toMillis()));
        p.putAll(extra);
        String url = url(server, database);
        Connection c = null;
        for (int attempt = 1; c == null; attempt++) {
            try {
                c = driver().connect(url, p);
                if (c == null) {
                    break;
                }
            } catch (SQLException e) {
                // The server closes a login that takes longer than connect_timeout (10 s, as MySQL does). On a
                // machine whose two cores are shared by many builds, a cold server can miss that on its first TLS
                // handshake; a client would simply connect again, and so does the harness, twice at most, only
                // for a broken link (08S01) to a server that is still running. Error packets are never retried.
                if (attempt >= 3 || !"08S01".equals(e.getSQLState()) || !server.isRunning()) {
                    throw e;
                }
                System.err.println("harness: connecting to " + url + " failed (" + e.getMessage().strip()
                        + "), attempt " + attempt + " of 3; connecting again");
            }
        }
        if (c == null) {
            throw new AssertionError(label() + " did not accept the URL " + url);
        }
        return c;
    }
}
