package dev.scion.it.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the records of one sqllogictest file over one JDBC connection (text protocol) and checks each result as
 * shared/slt/README.md says. A failing record never stops the file: later records run on, as sqllogictest does.
 */
final class SltFileRunner {
    private static final Pattern HASHED = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");

    /** Opens a connection on the file's database; called again when a connection breaks. */
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource source;
    private Connection connection;
    private final Map<String, String> labelHashes = new HashMap<>();

    SltFileRunner(ConnectionSource source) {
        this.source = source;
    }

    SltOutcome run(String fileName, List<SltRecord> records) throws SQLException {
        int run = 0;
        int passed = 0;
        List<SltOutcome.Failure> failures = new ArrayList<>();
        try {
            for (SltRecord r : records) {
                if (r instanceof SltRecord.Halt) {
                    break;
                }
                if (r instanceof SltRecord.HashThreshold) {
                    continue; // the expected text says itself whether it is hashed
                }
                run++;
                String failure;
                try {
                    failure = r instanceof SltRecord.Statement s ? statement(s) : query((SltRecord.Query) r);
                } catch (SQLException e) {
                    failure = "unexpected error " + e.getErrorCode() + ": " + e.getMessage();
                    reopenIfBroken();
                } catch (RuntimeException e) {
                    failure = "runner could not read the result: " + e;
                }
                if (failure == null) {
                    passed++;
                } else {
                    failures.add(new SltOutcome.Failure(r.line(), failure));
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return new SltOutcome(fileName, run, passed, failures);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = source.open();
        }
        return connection;
    }

    private void reopenIfBroken() {
        try {
            if (connection != null && !connection.isValid(10)) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            connection = null;
        }
    }

    private String statement(SltRecord.Statement s) throws SQLException {
        try (Statement st = connection().createStatement()) {
            st.execute(s.sql());
        } catch (SQLException e) {
            if (s.expectError()) {
                return null;
            }
            reopenIfBroken();
            return "statement failed: " + e.getErrorCode() + " " + e.getMessage();
        }
        return s.expectError() ? "statement succeeded but an error was expected" : null;
    }

    private String query(SltRecord.Query q) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery(q.sql())) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            if (n != q.types().length()) {
                return "expected " + q.types().length() + " columns, got " + n;
            }
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = SltValues.format(rs.getString(i + 1), q.types().charAt(i));
                }
                rows.add(row);
            }
        }
        List<String> values = SltValues.arrange(rows, q.sort());
        String hash = SltValues.md5(values);
        String failure = compare(q, values, hash);
        if (failure == null && q.label() != null) {
            String earlier = labelHashes.putIfAbsent(q.label(), hash);
            if (earlier != null && !earlier.equals(hash)) {
                failure = "result differs from the earlier query labelled " + q.label();
            }
        }
        return failure;
    }

    private String compare(SltRecord.Query q, List<String> values, String hash) {
        List<String> expected = q.expected();
        if (expected.size() == 1) {
            Matcher m = HASHED.matcher(expected.get(0));
            if (m.matches()) {
                int count = Integer.parseInt(m.group(1));
                if (count != values.size() || !m.group(2).equals(hash)) {
                    return "expected " + expected.get(0) + ", got " + values.size() + " values hashing to " + hash
                            + preview(values);
                }
                return null;
            }
        }
        if (expected.isEmpty() && q.label() != null && labelHashes.containsKey(q.label())) {
            return null; // checked against the label's earlier result by the caller
        }
        if (!expected.equals(values)) {
            return "expected " + abbreviate(expected) + ", got " + abbreviate(values);
        }
        return null;
    }

    private static String preview(List<String> values) {
        return values.size() <= 12 ? " " + values : " " + abbreviate(values);
    }

    private static String abbreviate(List<String> values) {
        return values.size() <= 12 ? values.toString()
                : values.subList(0, 12) + "... (" + values.size() + " values)";
    }

}
