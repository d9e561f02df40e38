package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.StatementSplitter;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * dolt_test_run([name or group ...]): runs the SQL unit tests saved in dolt_tests (all of them for no argument or
 * '*') and reports one row per test, by name: test_name, test_group_name, query, status (PASS / FAIL), message.
 * Each test's query runs in the calling session; its assertion checks the row count (expected_rows), the column
 * count (expected_columns) or the single value it returns (expected_single_value) with ==, !=, &lt;, &lt;=, &gt; or
 * &gt;=.
 */
final class DoltTestRunFunction implements SystemTable {
    static final String NAME = "dolt_test_run";

    /** One saved test: a row of dolt_tests. */
    private record Test(String name, String group, String query, String type, String comparator, String expected) {
    }

    private final List<Test> tests;

    private DoltTestRunFunction(List<Test> tests) {
        this.tests = tests;
    }

    static DoltTestRunFunction create(Session session, DatabaseState db, List<String> args) {
        return create(session, db, args, true);
    }

    /** For commit verification: a group without tests is no error, it just has nothing to run. */
    static DoltTestRunFunction createLenient(Session session, DatabaseState db, List<String> args) {
        return create(session, db, args, false);
    }

    private static DoltTestRunFunction create(Session session, DatabaseState db, List<String> args, boolean strict) {
        Map<String, Test> all = new TreeMap<>();
        if (db.workingRoot().resolveName(dev.scion.versioning.ops.DoltTables.TESTS).isPresent()) {
            StatementResult r = session.engine().executeNested(session, "SELECT test_name, test_group, test_query, "
                    + "assertion_type, assertion_comparator, assertion_value FROM `" + db.name().replace("`", "``")
                    + "`.dolt_tests");
            for (Object[] row : rows(r)) {
                all.put(str(row[0]), new Test(str(row[0]), row[1] == null ? "" : str(row[1]), str(row[2]),
                        str(row[3]), str(row[4]), row[5] == null ? null : str(row[5])));
            }
        }
        if (args.isEmpty() || args.contains("*")) {
            return new DoltTestRunFunction(new ArrayList<>(all.values()));
        }
        Map<String, Test> chosen = new TreeMap<>();
        for (String arg : args) {
            boolean found = false;
            for (Test t : all.values()) {
                if (t.name().equals(arg) || t.group().equals(arg)) {
                    chosen.put(t.name(), t);
                    found = true;
                }
            }
            if (!found && strict) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "could not find tests for argument: " + arg);
            }
        }
        return new DoltTestRunFunction(new ArrayList<>(chosen.values()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("test_name", Columns.text(f, 16383)).add("test_group_name", Columns.text(f, 16383))
                .add("query", Columns.text(f, 65535)).add("status", Columns.text(f, 16))
                .add("message", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        List<Object[]> out = new ArrayList<>();
        for (Test t : tests) {
            String failure = run(session, t);
            out.add(new Object[] {t.name(), t.group(), t.query(), failure == null ? "PASS" : "FAIL",
                failure == null ? "" : failure});
        }
        return RowStream.of(out);
    }

    /** Null when the test passes, else why not. */
    private static String run(Session session, Test t) {
        List<String> statements = StatementSplitter.split(t.query()).stream().filter(s -> !s.isBlank()).toList();
        if (statements.size() != 1) {
            return "Can only run exactly one query";
        }
        List<Object[]> rows;
        int columns;
        try {
            StatementResult r = session.engine().executeNested(session, stripSemicolon(statements.get(0)));
            columns = r instanceof StatementResult.Rows rs ? rs.columns().size() : 0;
            rows = rows(r);
        } catch (SqlError e) {
            return "query error: " + e.getMessage();
        }
        String type = t.type().strip().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "expected_rows" -> compareCount(t, rows.size());
            case "expected_columns" -> compareCount(t, columns);
            case "expected_single_value" -> {
                if (rows.size() != 1 || columns != 1) {
                    yield "Assertion failed: expected_single_value expects one row of one column, got " + rows.size()
                            + " rows of " + columns + " columns";
                }
                yield compareValue(t, rows.get(0)[0]);
            }
            default -> "unknown assertion type: " + t.type();
        };
    }

    private static String stripSemicolon(String statement) {
        String s = statement.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String compareCount(Test t, long actual) {
        long expected;
        try {
            expected = Long.parseLong(t.expected() == null ? "" : t.expected().strip());
        } catch (NumberFormatException e) {
            return "Assertion failed: " + t.type() + " expects an integer, not '" + t.expected() + "'";
        }
        return holds(t.comparator(), Long.compare(actual, expected)) ? null : failed(t, String.valueOf(actual));
    }

    private static String compareValue(Test t, Object actual) {
        String shown = render(actual);
        if (t.expected() == null || actual == null) {
            boolean same = t.expected() == null && actual == null;
            boolean pass = switch (t.comparator().strip()) {
                case "==", "=" -> same;
                case "!=", "<>" -> !same;
                default -> false;
            };
            return pass ? null : failed(t, shown);
        }
        int cmp;
        if (actual instanceof Number n) {
            try {
                cmp = new BigDecimal(n.toString()).compareTo(new BigDecimal(t.expected().strip()));
            } catch (NumberFormatException e) {
                cmp = shown.compareTo(t.expected());
            }
        } else {
            cmp = shown.compareTo(t.expected()); // strings, and dates in their canonical text, order as text
        }
        return holds(t.comparator(), cmp) ? null : failed(t, shown);
    }

    private static boolean holds(String comparator, int cmp) {
        return switch (comparator.strip()) {
            case "==", "=" -> cmp == 0;
            case "!=", "<>" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "unknown assertion comparator: " + comparator);
        };
    }

    private static String failed(Test t, String actual) {
        String words = switch (t.comparator().strip()) {
            case "==", "=" -> "equal to";
            case "!=", "<>" -> "not equal to";
            case "<" -> "less than";
            case "<=" -> "less than or equal to";
            case ">" -> "greater than";
            case ">=" -> "greater than or equal to";
            default -> t.comparator();
        };
        return "Assertion failed: " + t.type() + " " + words + " " + (t.expected() == null ? "NULL" : t.expected())
                + ", got " + actual;
    }

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime dt) {
            return DATETIME.format(dt);
        }
        if (v instanceof java.sql.Timestamp ts) {
            return DATETIME.format(ts.toLocalDateTime());
        }
        if (v instanceof LocalDate || v instanceof java.sql.Date) {
            return v.toString();
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        return String.valueOf(v);
    }

    private static List<Object[]> rows(StatementResult r) {
        List<Object[]> out = new ArrayList<>();
        if (r instanceof StatementResult.Rows rs) {
            try (RowStream s = rs.rows()) {
                for (Object[] row = s.next(); row != null; row = s.next()) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(o);
    }
}
