package dev.scion.wire.testsupport;

import dev.scion.wire.api.ColumnFlag;
import dev.scion.wire.api.MySqlType;
import dev.scion.wire.api.ResultSink;
import dev.scion.wire.api.SessionInfo;
import dev.scion.wire.api.UserCredentials;
import dev.scion.wire.api.WireColumn;
import dev.scion.wire.api.WireException;
import dev.scion.wire.api.WireHandler;
import dev.scion.wire.api.WirePreparedStatement;
import dev.scion.wire.api.WireSession;
import dev.scion.wire.auth.CachingSha2Password;
import dev.scion.wire.auth.NativePassword;
import dev.scion.wire.auth.Passwords;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of the SQL side: a handful of accounts and a toy "engine" that understands just the statements
 * the wire tests (and the clients' connect-time queries) send.
 *
 * <p>Accounts: root (no password), alice/secret (both verifiers), bob/native (mysql_native_password only),
 * carol/sha (caching_sha2 only), dave/plain (cleartext check only). Database "nosuchdb" is refused with 1049.
 */
public final class FakeHandler implements WireHandler {

    public final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    public final AtomicInteger closes = new AtomicInteger();
    public final Map<String, Object[]> lastParameters = new ConcurrentHashMap<>();
    /** Lines received by "load data local infile" statements. */
    public final List<String> loadedLines = new CopyOnWriteArrayList<>();
    /** Released by "wait latch" statements. */
    public volatile CountDownLatch latch = new CountDownLatch(1);
    /** Counts down when a "rows" statement has started streaming. */
    public volatile CountDownLatch streaming = new CountDownLatch(1);

    @Override
    public UserCredentials credentials(String user, InetSocketAddress remote) {
        return switch (user) {
            case "root" -> UserCredentials.noPassword();
            case "alice" -> Passwords.credentials("secret");
            case "bob" -> new UserCredentials(false, null, NativePassword.verifier("native"), null);
            case "carol" -> new UserCredentials(false, CachingSha2Password.verifier("sha"), null, null);
            case "dave" -> new UserCredentials(false, null, null, "plain"::equals);
            case "broken" -> throw new IllegalStateException("account store unavailable");
            default -> null;
        };
    }

    @Override
    public WireSession openSession(SessionInfo info) throws WireException {
        if ("nosuchdb".equals(info.database())) {
            throw new WireException(1049, "42000", "Unknown database 'nosuchdb'");
        }
        FakeSession session = new FakeSession(info);
        sessions.add(session);
        return session;
    }

    public FakeSession lastSession() {
        return sessions.get(sessions.size() - 1);
    }

    static WireColumn longColumn(String name) {
        return new WireColumn("", "", "", name, name, WireColumn.BINARY, 20, MySqlType.LONGLONG,
                Set.of(ColumnFlag.BINARY, ColumnFlag.NUM), 0);
    }

    static WireColumn textColumn(String name) {
        return WireColumn.of(name, MySqlType.VAR_STRING, 1024);
    }

    public final class FakeSession implements WireSession {
        public final SessionInfo info;
        public final AtomicInteger closeCount = new AtomicInteger();
        public final AtomicInteger cancelCount = new AtomicInteger();
        public final java.util.concurrent.atomic.AtomicLong rowsWritten = new java.util.concurrent.atomic.AtomicLong();
        public volatile String database;
        public volatile boolean autocommit = true;
        /** Set by "set wait_timeout = n"; -1: the server's setting. */
        public volatile long waitTimeout = -1;
        public volatile boolean inTransaction;
        public volatile Thread lastThread;
        public volatile boolean resetCalled;
        private volatile boolean cancelled;

        FakeSession(SessionInfo info) {
            this.info = info;
            this.database = info.database();
        }

        /**
         * "select brief N" stands for a statement the engine knows to be brief (a primary-key point select), "brief
         * commit" for a short one that is not a SELECT (a COMMIT with nothing to commit).
         */
        @Override
        public boolean runsBriefly(String sql) {
            return isBrief(sql);
        }

        /** "insert brief ..." stands for a one-row write the engine may run on the network thread when idle. */
        @Override
        public boolean runsBrieflyWhenIdle(String sql) {
            return isBriefWhenIdle(sql);
        }

        private static boolean isBriefWhenIdle(String sql) {
            return sql.trim().toLowerCase(Locale.ROOT).startsWith("insert brief");
        }

        private static boolean isBrief(String sql) {
            String lower = sql.trim().toLowerCase(Locale.ROOT);
            return lower.startsWith("select brief ") || lower.equals("brief commit");
        }

        @Override
        public void query(String sql, boolean multiStatements, ResultSink sink) throws WireException {
            lastThread = Thread.currentThread();
            if (multiStatements) {
                for (String part : sql.split(";")) {
                    if (!part.isBlank()) {
                        run(part.trim(), sink, null);
                    }
                }
            } else {
                run(sql.trim(), sink, null);
            }
        }

        void run(String sql, ResultSink sink, Object[] params) throws WireException {
            String lower = sql.toLowerCase(Locale.ROOT).replaceAll("^/\\*.*?\\*/\\s*", "");
            Matcher m;
            if ((m = Pattern.compile("select brief (\\S+)").matcher(lower)).matches()) {
                ResultSink.RowWriter w = sink.beginRows(List.of(textColumn("brief")));
                w.row(new Object[] {m.group(1).equals("?") && params != null ? String.valueOf(params[0]) : m.group(1)});
                w.end(0);
            } else if (lower.equals("select 1")) {
                ResultSink.RowWriter w = sink.beginRows(List.of(longColumn("1")));
                w.row(new Object[] {1L});
                w.end(0);
            } else if ((m = Pattern.compile("select rows (\\d+)").matcher(lower)).matches()) {
                long n = Long.parseLong(m.group(1));
                ResultSink.RowWriter w = sink.beginRows(List.of(longColumn("id"), textColumn("payload")));
                String filler = "x".repeat(200);
                streaming.countDown();
                for (long i = 0; i < n; i++) {
                    if (cancelled) {
                        throw new WireException(1317, "70100", "Query execution was interrupted");
                    }
                    w.row(new Object[] {i, filler});
                    rowsWritten.incrementAndGet();
                }
                w.end(0);
            } else if ((m = Pattern.compile("select big (\\d+)").matcher(lower)).matches()) {
                int n = Integer.parseInt(m.group(1));
                ResultSink.RowWriter w = sink.beginRows(List.of(WireColumn.of("big", MySqlType.LONG_BLOB, n)));
                w.row(new Object[] {"b".repeat(n)});
                w.end(0);
            } else if (lower.startsWith("select length ")) {
                // "select length <text>": the byte length of the text after the keyword
                int n = sql.substring("select length ".length()).getBytes(StandardCharsets.UTF_8).length;
                ResultSink.RowWriter w = sink.beginRows(List.of(longColumn("len")));
                w.row(new Object[] {(long) n});
                w.end(0);
            } else if (lower.equals("select badvalue")) {
                ResultSink.RowWriter w = sink.beginRows(List.of(longColumn("n")));
                w.row(new Object[] {1L});
                w.row(new Object[] {"not a number"});
                w.end(0);
            } else if (lower.equals("select types")) {
                ResultSink.RowWriter w = sink.beginRows(typeColumns());
                w.row(typeRow());
                w.row(new Object[typeColumns().size()]);
                w.end(0);
            } else if (lower.equals("brief commit")) {
                sink.ok(0, 0, 0, null);
            } else if ((m = Pattern.compile("sleep (\\d+)").matcher(lower)).matches()) {
                sleep(Long.parseLong(m.group(1)));
                sink.ok(0, 0, 0, null);
            } else if ((m = Pattern.compile("load data local infile '([^']+)' into table (\\w+)( stop after (\\d+))?",
                    Pattern.CASE_INSENSITIVE).matcher(sql)).matches()) {
                // counts the file's lines (all, or stops reading after N and fails: the rest must be skipped)
                java.io.InputStream in = sink.localFile(m.group(1));
                long lines = 0;
                long stopAfter = m.group(4) == null ? Long.MAX_VALUE : Long.parseLong(m.group(4));
                java.io.BufferedReader reader = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                try {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        loadedLines.add(line);
                        if (++lines == stopAfter) {
                            throw new WireException(1261, "01000", "Row " + lines + " doesn't contain data for all columns");
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new WireException(1160, "08S01", e.getMessage());
                }
                sink.ok(lines, 0, 0, "Records: " + lines + "  Deleted: 0  Skipped: 0  Warnings: 0");
            } else if (lower.equals("wait latch")) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.ok(0, 0, 0, null);
            } else if (lower.startsWith("insert")) {
                sink.ok(1, 42, 0, null);
            } else if (lower.startsWith("update")) {
                sink.ok(3, 0, 1, "Rows matched: 3  Changed: 3  Warnings: 1");
            } else if (lower.equals("begin") || lower.equals("start transaction")) {
                inTransaction = true;
                sink.ok(0, 0, 0, null);
            } else if (lower.equals("commit") || lower.equals("rollback")) {
                inTransaction = false;
                sink.ok(0, 0, 0, null);
            } else if ((m = Pattern.compile("set wait_timeout\\s*=\\s*(\\d+)").matcher(lower)).matches()) {
                waitTimeout = Long.parseLong(m.group(1));
                sink.ok(0, 0, 0, null);
            } else if ((m = Pattern.compile("set autocommit\\s*=\\s*(\\d)").matcher(lower)).matches()) {
                autocommit = m.group(1).equals("1");
                sink.ok(0, 0, 0, null);
            } else if (lower.startsWith("set ")) {
                sink.ok(0, 0, 0, null);
            } else if (lower.equals("error")) {
                throw new WireException(1146, "42S02", "Table 'test.nope' doesn't exist");
            } else if (lower.equals("boom")) {
                throw new IllegalStateException("engine exploded");
            } else if (lower.equals("rows then error")) {
                ResultSink.RowWriter w = sink.beginRows(List.of(longColumn("id")));
                w.row(new Object[] {1L});
                throw new WireException(1317, "70100", "Query execution was interrupted");
            } else if (lower.equals("select database()")) {
                ResultSink.RowWriter w = sink.beginRows(List.of(textColumn("DATABASE()")));
                w.row(new Object[] {database});
                w.end(0);
            } else if (lower.startsWith("select ? + 1") && params != null) {
                ResultSink.RowWriter w = sink.beginRows(List.of(longColumn("? + 1"), textColumn("?")));
                Object p0 = params[0];
                long v = p0 instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(p0));
                w.row(new Object[] {v + 1, params[1] == null ? null
                        : params[1] instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : params[1].toString()});
                w.end(0);
            } else if (lower.startsWith("select") && lower.contains("@@")) {
                selectVariables(sql, sink);
            } else if (lower.startsWith("select")) {
                // any other SELECT: one row echoing the select list as text
                String expr = sql.substring(6).trim();
                ResultSink.RowWriter w = sink.beginRows(List.of(textColumn(expr)));
                w.row(new Object[] {expr});
                w.end(0);
            } else if (lower.startsWith("show")) {
                ResultSink.RowWriter w = sink.beginRows(List.of(textColumn("Database")));
                w.row(new Object[] {"test"});
                w.end(0);
            } else {
                throw new WireException(1064, "42000", "You have an error in your SQL syntax near '" + sql + "'");
            }
        }

        private void selectVariables(String sql, ResultSink sink) throws WireException {
            String list = sql.replaceAll("(?is)^\\s*(/\\*.*?\\*/)?\\s*select\\s+", "")
                    .replaceAll("(?i)\\s+limit\\s+\\d+\\s*$", "");
            List<WireColumn> columns = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (String item : list.split(",")) {
                String[] parts = item.trim().split("(?i)\\s+as\\s+");
                String expr = parts[0].trim();
                String label = parts.length > 1 ? parts[1].trim() : expr;
                String var = expr.replaceAll("(?i)^@@(session\\.|global\\.)?", "").toLowerCase(Locale.ROOT);
                Object value = VARIABLES.getOrDefault(var, "");
                columns.add(value instanceof Long ? longColumn(label) : textColumn(label));
                values.add(value);
            }
            ResultSink.RowWriter w = sink.beginRows(columns);
            w.row(values.toArray());
            w.end(0);
        }

        private void sleep(long millis) {
            long end = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < end && !cancelled) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void initDb(String db) throws WireException {
            if ("nosuchdb".equals(db)) {
                throw new WireException(1049, "42000", "Unknown database '" + db + "'");
            }
            database = db;
        }

        @Override
        public List<WireColumn> fieldList(String table, String wildcard) throws WireException {
            if (!"t".equals(table)) {
                throw new WireException(1146, "42S02", "Table 'test." + table + "' doesn't exist");
            }
            return List.of(
                    new WireColumn("test", "t", "t", "id", "id", WireColumn.BINARY, 11, MySqlType.LONG,
                            Set.of(ColumnFlag.NOT_NULL, ColumnFlag.PRIMARY_KEY), 0),
                    new WireColumn("test", "t", "t", "name", "name", WireColumn.UTF8MB4, 400, MySqlType.VAR_STRING,
                            Set.of(), 0));
        }

        @Override
        public WirePreparedStatement prepare(String sql) throws WireException {
            String lower = sql.toLowerCase(Locale.ROOT).trim();
            if (lower.startsWith("unsupported")) {
                throw new WireException(1295, "HY000",
                        "This command is not supported in the prepared statement protocol yet");
            }
            int count = 0;
            for (char c : sql.toCharArray()) {
                if (c == '?') {
                    count++;
                }
            }
            int params = count;
            List<WireColumn> columns = lower.startsWith("select ? + 1")
                    ? List.of(longColumn("? + 1"), textColumn("?")) : List.of();
            return new WirePreparedStatement() {
                @Override
                public int parameterCount() {
                    return params;
                }

                @Override
                public List<WireColumn> columns() {
                    return columns;
                }

                @Override
                public void execute(Object[] parameters, ResultSink sink) throws WireException {
                    lastThread = Thread.currentThread();
                    lastParameters.put(sql, parameters.clone());
                    if (lower.startsWith("echo")) {
                        List<WireColumn> cols = new ArrayList<>();
                        for (int i = 0; i < parameters.length; i++) {
                            cols.add(textColumn("p" + i));
                        }
                        ResultSink.RowWriter w = sink.beginRows(cols);
                        Object[] row = new Object[parameters.length];
                        for (int i = 0; i < parameters.length; i++) {
                            Object p = parameters[i];
                            row[i] = p == null ? null : p instanceof byte[] b ? b
                                    : p.getClass().getSimpleName() + ":" + p;
                        }
                        w.row(row);
                        w.end(0);
                        return;
                    }
                    run(sql, sink, parameters);
                }

                @Override
                public boolean runsBriefly() {
                    return isBrief(sql);
                }

                @Override
                public boolean runsBrieflyWhenIdle() {
                    return isBriefWhenIdle(sql);
                }

                @Override
                public void close() {
                    closedStatements.incrementAndGet();
                }
            };
        }

        public final AtomicInteger closedStatements = new AtomicInteger();

        @Override
        public void reset() {
            resetCalled = true;
            inTransaction = false;
            autocommit = true;
        }

        @Override
        public boolean autocommit() {
            return autocommit;
        }

        @Override
        public long idleTimeoutSeconds(boolean interactive) {
            return interactive ? -1 : waitTimeout;
        }

        @Override
        public boolean inTransaction() {
            return inTransaction;
        }

        @Override
        public void cancel() {
            cancelCount.incrementAndGet();
            cancelled = true;
        }

        @Override
        public void close() {
            closeCount.incrementAndGet();
            closes.incrementAndGet();
        }
    }

    public static List<WireColumn> typeColumns() {
        return List.of(
                WireColumn.of("tiny", MySqlType.TINY, 4),
                WireColumn.of("short", MySqlType.SHORT, 6),
                WireColumn.of("int", MySqlType.LONG, 11),
                WireColumn.of("bigint", MySqlType.LONGLONG, 20),
                WireColumn.of("dbl", MySqlType.DOUBLE, 22),
                WireColumn.of("flt", MySqlType.FLOAT, 12),
                new WireColumn("", "", "", "dec", "dec", WireColumn.BINARY, 12, MySqlType.NEWDECIMAL, Set.of(), 2),
                WireColumn.of("str", MySqlType.VAR_STRING, 100),
                WireColumn.of("date", MySqlType.DATE, 10),
                new WireColumn("", "", "", "dt", "dt", WireColumn.BINARY, 26, MySqlType.DATETIME, Set.of(), 6),
                WireColumn.of("time", MySqlType.TIME, 10),
                WireColumn.of("dbl_from_long", MySqlType.DOUBLE, 22),
                WireColumn.of("year", MySqlType.YEAR, 4));
    }

    public static Object[] typeRow() {
        return new Object[] {
                (long) -5, 300, 70000, Long.MAX_VALUE, 0.1, 1.5f, new BigDecimal("12.5"), "héllo",
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123456000),
                Duration.ofHours(-30).minusMinutes(1).minusSeconds(2), 7L, 2024L};
    }

    static final Map<String, Object> VARIABLES = Map.ofEntries(
            Map.entry("auto_increment_increment", 1L),
            Map.entry("character_set_client", "utf8mb4"),
            Map.entry("character_set_connection", "utf8mb4"),
            Map.entry("character_set_results", "utf8mb4"),
            Map.entry("character_set_server", "utf8mb4"),
            Map.entry("collation_server", "utf8mb4_0900_ai_ci"),
            Map.entry("collation_connection", "utf8mb4_0900_ai_ci"),
            Map.entry("init_connect", ""),
            Map.entry("interactive_timeout", 28800L),
            Map.entry("license", "GPL"),
            Map.entry("lower_case_table_names", 0L),
            Map.entry("max_allowed_packet", 67108864L),
            Map.entry("net_write_timeout", 60L),
            Map.entry("performance_schema", 0L),
            Map.entry("sql_mode", "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                    + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"),
            Map.entry("system_time_zone", "UTC"),
            Map.entry("time_zone", "SYSTEM"),
            Map.entry("transaction_isolation", "REPEATABLE-READ"),
            Map.entry("tx_isolation", "REPEATABLE-READ"),
            Map.entry("wait_timeout", 28800L),
            Map.entry("version_comment", "Scion test"),
            Map.entry("version", "8.0.40-scion"));
}
