package dev.scion.it.clients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs the client script on one JDBC connection, as plain statements or as prepared statements. */
final class JdbcScriptRunner {

    private JdbcScriptRunner() {
    }

    /**
     * @param prepared  run every step through {@link Connection#prepareStatement} (server-side with
     *                  useServerPrepStmts=true) instead of {@link Statement}
     * @param fetchSize for prepared steps: a fetch size (Connector/J useCursorFetch reads through a server-side
     *                  cursor, COM_STMT_FETCH, when it is positive)
     */
    static void run(String client, Connection c, String database, boolean prepared, int fetchSize) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            st.execute("USE " + database);
        }
        for (ClientScript.Step step : ClientScript.steps()) {
            ClientScript.Outcome outcome;
            try {
                outcome = prepared ? runPrepared(c, step.sql(), fetchSize) : runPlain(c, step.sql());
            } catch (SQLException e) {
                throw new AssertionError(client + ", step " + step.number() + " (" + step.name() + ") failed: "
                        + e.getErrorCode() + " " + e.getMessage(), e);
            }
            ClientScript.check(client, step, outcome);
        }
    }

    private static ClientScript.Outcome runPlain(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.execute(sql) ? ClientScript.Outcome.rows(rows(st.getResultSet()))
                    : ClientScript.Outcome.update(st.getUpdateCount());
        }
    }

    private static ClientScript.Outcome runPrepared(Connection c, String sql, int fetchSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (fetchSize > 0) {
                ps.setFetchSize(fetchSize);
            }
            return ps.execute() ? ClientScript.Outcome.rows(rows(ps.getResultSet()))
                    : ClientScript.Outcome.update(ps.getUpdateCount());
        }
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
