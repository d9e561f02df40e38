package dev.scion.it.clients;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;

/** MariaDB Connector/J runs the client script, with client-side and with server-side prepared statements. */
class MariaDbConnectorJScriptTest {
    @ManagedServer("clients-mariadb-connector-j") private static ScionServerProcess server;

    @ParameterizedTest(name = "useServerPrepStmts={1}")
    @CsvSource({"mdb_text, false", "mdb_prepared, true"})
    void runsTheScript(String database, boolean serverPrepared) throws Exception {
        server.dropDatabasesIfExternal(database);
        // the driver directly: DriverManager might hand a jdbc:mariadb: URL to whichever driver answers first
        Driver driver = new org.mariadb.jdbc.Driver();
        Properties p = new Properties();
        p.setProperty("user", server.user());
        if (!server.password().isEmpty()) {
            p.setProperty("password", server.password());
        }
        p.setProperty("useServerPrepStmts", Boolean.toString(serverPrepared));
        p.setProperty("connectTimeout", Long.toString(ItConfig.clientTimeout().toMillis()));
        p.setProperty("socketTimeout", Long.toString(ItConfig.clientTimeout().toMillis()));
        String url = "jdbc:mariadb://" + server.host() + ":" + server.port() + "/";
        try (Connection c = driver.connect(url, p)) {
            JdbcScriptRunner.run("MariaDB Connector/J " + driver.getMajorVersion() + "." + driver.getMinorVersion()
                    + (serverPrepared ? " server-prepared" : " text"), c, database, serverPrepared, 0);
        }
    }
}
