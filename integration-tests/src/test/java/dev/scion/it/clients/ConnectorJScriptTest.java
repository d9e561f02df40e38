package dev.scion.it.clients;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.util.Properties;

/** MySQL Connector/J 9 runs the client script: text protocol, server-side prepared statements, cursor fetch. */
class ConnectorJScriptTest {
    @ManagedServer("clients-connector-j") private static ScionServerProcess server;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "useServerPrepStmts=false, cj_text, false, false",
        "useServerPrepStmts=true,  cj_prepared, true, false",
        "useCursorFetch=true,      cj_cursor, true, true"})
    void runsTheScript(String label, String database, boolean serverPrepared, boolean cursorFetch) throws Exception {
        server.dropDatabasesIfExternal(database);
        Properties extra = new Properties();
        if (cursorFetch) {
            extra.setProperty("useCursorFetch", "true");
        }
        try (Connection c = ConnectorJ.V9.connect(server, null, serverPrepared, extra)) {
            JdbcScriptRunner.run(ConnectorJ.V9.label() + " " + label, c, database, serverPrepared, cursorFetch ? 1 : 0);
        }
    }
}
