package dev.scion.it.security;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Connections as a given account (Connector/J 9, TLS preferred) and the security suite's figures file. */
final class Accounts {
    private Accounts() {
    }

    static Connection connect(ScionServerProcess server, String user, String password, String database)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("allowPublicKeyRetrieval", "true");
        return ConnectorJ.V9.connect(server, database, false, p);
    }

    /** The error code a statement fails with, or 0 when it succeeds. */
    static int code(Connection c, String sql) {
        try (var st = c.createStatement()) {
            st.execute(sql);
            if (st.getResultSet() != null) {
                while (st.getResultSet().next()) {
                    // drain
                }
            }
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    /** The error code connecting fails with, or 0 when the login succeeds. */
    static int loginCode(ScionServerProcess server, String user, String password, String database) {
        try (Connection c = connect(server, user, password, database)) {
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    /** Appends one line of figures to target/security-figures.txt (printed by bin/security-suite). */
    static void figures(String line) {
        Path file = ItConfig.targetDir().resolve("security-figures.txt");
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("security suite: " + line);
    }
}
