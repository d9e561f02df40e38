package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 2, point 1: the default user is root with an empty password. Connector/J 8.4 and 9.x connect without a
 * password property, with an explicitly empty one ({@code DriverManager.getConnection(url, "root", "")} does that;
 * over caching_sha2_password Connector/J then sends a single 0 byte as the auth response), and with
 * {@code ?user=root&password=} in the URL; a wrong password is refused with 1045.
 */
class ConnectorJAuthTest {
    @ManagedServer("auth") static ScionServerProcess server;

    static Stream<ConnectorJ> drivers() {
        return Stream.of(ConnectorJ.V8_4, ConnectorJ.V9);
    }

    private static Connection connect(ConnectorJ driver, String url, Properties p) throws SQLException {
        Connection c = driver.driver().connect(url, p);
        if (c == null) {
            throw new AssertionError("driver refused URL " + url);
        }
        return c;
    }

    private static String base() {
        return "jdbc:mysql://" + server.host() + ":" + server.port() + "/";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void rootWithoutPasswordProperty(ConnectorJ driver) throws Exception {
        Assumptions.assumeTrue(server.password().isEmpty(), "server has a password configured");
        Properties p = new Properties();
        p.setProperty("user", "root");
        try (Connection c = connect(driver, base(), p)) {
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void rootWithExplicitEmptyPassword(ConnectorJ driver) throws Exception {
        Assumptions.assumeTrue(server.password().isEmpty(), "server has a password configured");
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        try (Connection c = connect(driver, base(), p)) {
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void rootWithEmptyPasswordInTheUrl(ConnectorJ driver) throws Exception {
        Assumptions.assumeTrue(server.password().isEmpty(), "server has a password configured");
        try (Connection c = connect(driver, base() + "?user=root&password=", new Properties())) {
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void wrongPasswordIsRefused(ConnectorJ driver) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        p.setProperty("password", "certainly-not-the-password");
        SQLException e = assertThrows(SQLException.class, () -> connect(driver, base(), p).close());
        assertEquals(1045, e.getErrorCode(), e.toString());
        assertEquals("28000", e.getSQLState(), e.toString());
        // the server keeps serving
        Properties ok = new Properties();
        ok.setProperty("user", server.user());
        if (!server.password().isEmpty()) {
            ok.setProperty("password", server.password());
        }
        try (Connection c = connect(driver, base(), ok)) {
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }
}
