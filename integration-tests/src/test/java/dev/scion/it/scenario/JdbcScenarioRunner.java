package dev.scion.it.scenario;

import dev.scion.scenario.Outcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ScionServerProcess;

/**
 * Plays scenarios through MySQL Connector/J, one JDBC connection per named client. In text mode each statement goes
 * through {@link Statement#execute} (COM_QUERY); with {@code serverPrepared} through
 * {@link Connection#prepareStatement} with {@code useServerPrepStmts=true} (COM_STMT_PREPARE / EXECUTE, binary rows;
 * Connector/J itself falls back to client-side preparing for statements the server refuses to prepare).
 * Affected rows are Connector/J's update count: it connects with CLIENT_FOUND_ROWS, so an UPDATE reports the rows
 * it matched.
 */
public final class JdbcScenarioRunner extends ScenarioRunner<Connection> {
    private final ConnectorJ driver;
    private final boolean serverPrepared;

    public JdbcScenarioRunner(ScionServerProcess server, ConnectorJ driver, boolean serverPrepared) {
        super(server);
        this.driver = driver;
        this.serverPrepared = serverPrepared;
    }

    @Override
    protected String clientLabel() {
        return driver.label() + (serverPrepared ? ", useServerPrepStmts=true" : ", text protocol");
    }

    @Override
    protected Connection open(String name, String database) throws ConnectFailure {
        try {
            return driver.connect(server, database, serverPrepared);
        } catch (SQLException e) {
            throw new ConnectFailure(error(e));
        }
    }

    @Override
    protected Outcome execute(Connection c, String sql) {
        String text = stripDelimiter(sql);
        try {
            if (serverPrepared) {
                try (PreparedStatement ps = c.prepareStatement(text)) {
                    return collect(ps, ps.execute());
                }
            }
            try (Statement st = c.createStatement()) {
                return collect(st, st.execute(text));
            }
        } catch (SQLException e) {
            return error(e);
        }
    }

    private static Outcome collect(Statement st, boolean isResultSet) throws SQLException {
        if (!isResultSet) {
            return Outcome.ok((long) st.getUpdateCount());
        }
        try (ResultSet rs = st.getResultSet()) {
            return read(rs);
        }
    }

    /** A result set as strings: column labels and getString per cell (NULL for SQL NULL). */
    public static Outcome read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            cols.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> r = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String v = rs.getString(i);
                r.add(v == null ? "NULL" : v);
            }
            rows.add(r);
        }
        return Outcome.result(cols, rows);
    }

    private static Outcome error(SQLException e) {
        return Outcome.error(e.getErrorCode(), e.getSQLState(), e.getMessage());
    }

    /** The CLI sends statements without their ';' delimiter; so does this runner. */
    static String stripDelimiter(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    @Override
    protected void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // broken already
        }
    }
}
