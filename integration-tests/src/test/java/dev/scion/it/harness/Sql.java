package dev.scion.it.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for tests: rows as strings (NULL for SQL NULL). */
public final class Sql {
    private Sql() {}

    public static final String HASH_REGEX = "[0-9a-v]{32}";

    /** Executes a statement that returns no result set; returns the update count. */
    public static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            boolean rs = st.execute(sql);
            if (rs) {
                throw new AssertionError("expected no result set from: " + sql);
            }
            return st.getUpdateCount();
        }
    }

    /** Executes a statement, ignoring any result. */
    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public static List<List<String>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    public static List<List<String>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<List<String>> out = new ArrayList<>();
        while (rs.next()) {
            List<String> r = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String v = rs.getString(i);
                r.add(v == null ? "NULL" : v);
            }
            out.add(r);
        }
        return out;
    }

    public static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }

    /** The first column of every row. */
    public static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows(c, sql)) {
            out.add(r.get(0));
        }
        return out;
    }

    /** The single value of a one-row, one-column result. */
    public static String scalar(Connection c, String sql) throws SQLException {
        List<List<String>> r = rows(c, sql);
        if (r.size() != 1 || r.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + r);
        }
        return r.get(0).get(0);
    }

    public static List<String> row(String... cells) {
        return List.of(cells);
    }
}
