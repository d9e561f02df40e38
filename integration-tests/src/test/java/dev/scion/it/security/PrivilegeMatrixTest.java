package dev.scion.it.security;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's privilege matrix on a real server: six accounts, from no grants to global ALL, each against reads,
 * writes, DDL, versioning procedures, system tables, information_schema and administration, through
 * Connector/J (and the mariadb CLI for a sample). Every cell states the outcome: 0 (allowed) or MySQL's error.
 */
class PrivilegeMatrixTest {
    private static final String PW = "matrix-pw-7";

    /** The accounts in column order, with their grants. */
    private static final Map<String, List<String>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("u_none", List.of());
        USERS.put("u_table", List.of("GRANT SELECT ON shop.t1 TO u_table"));
        USERS.put("u_dbread", List.of("GRANT SELECT ON shop.* TO u_dbread"));
        USERS.put("u_dbwrite", List.of("GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO u_dbwrite"));
        USERS.put("u_dbddl", List.of("GRANT ALL ON shop.* TO u_dbddl"));
        USERS.put("u_global", List.of("GRANT ALL ON *.* TO u_global"));
    }

    /** One row of the matrix: statements ({U} = the user's name) and the outcome per user, in USERS order. */
    private record Op(String name, List<String> statements, int... expected) {
    }

    private static final int OK = 0;
    private static final int DB = 1044;
    private static final int TABLE = 1142;
    private static final int SPECIFIC = 1227;

    private static final List<Op> OPS = List.of(
            new Op("USE shop", List.of("USE shop"), DB, OK, OK, OK, OK, OK),
            new Op("SELECT t1 (granted table)", List.of("SELECT * FROM shop.t1"), TABLE, OK, OK, OK, OK, OK),
            new Op("SELECT t1 point lookup", List.of("SELECT * FROM shop.t1 WHERE id = 1"), TABLE, OK, OK, OK, OK, OK),
            new Op("SELECT t2 (other table)", List.of("SELECT * FROM shop.t2"), TABLE, TABLE, OK, OK, OK, OK),
            new Op("join t1 with t2", List.of("SELECT * FROM shop.t1 JOIN shop.t2 ON t1.id = t2.id"),
                    TABLE, TABLE, OK, OK, OK, OK),
            new Op("system table dolt_log", List.of("SELECT * FROM shop.dolt_log"), TABLE, TABLE, OK, OK, OK, OK),
            new Op("system table dolt_branches", List.of("SELECT * FROM shop.dolt_branches"),
                    TABLE, TABLE, OK, OK, OK, OK),
            new Op("table function dolt_diff()", List.of("USE shop",
                    "SELECT * FROM dolt_diff('HEAD~1', 'HEAD', 't2')"), DB, TABLE, OK, OK, OK, OK),
            new Op("commit diff table", List.of("SELECT * FROM shop.dolt_commit_diff_t2 "
                    + "WHERE from_commit = 'HEAD~1' AND to_commit = 'HEAD'"), TABLE, TABLE, OK, OK, OK, OK),
            new Op("INSERT t1", List.of("INSERT INTO shop.t1 VALUES ({N}, '{U}')"), TABLE, TABLE, TABLE, OK, OK, OK),
            new Op("UPDATE t2", List.of("UPDATE shop.t2 SET v = v + 1 WHERE id = 1"), TABLE, TABLE, TABLE, OK, OK, OK),
            new Op("DELETE t2", List.of("DELETE FROM shop.t2 WHERE id = 99"), TABLE, TABLE, TABLE, OK, OK, OK),
            new Op("CREATE TABLE", List.of("CREATE TABLE shop.new_{U} (id INT PRIMARY KEY)"),
                    TABLE, TABLE, TABLE, TABLE, OK, OK),
            new Op("ALTER TABLE", List.of("ALTER TABLE shop.t2 ADD COLUMN c_{U} INT"), TABLE, TABLE, TABLE, TABLE, OK, OK),
            new Op("CREATE INDEX", List.of("CREATE INDEX ix_{U} ON shop.t2 (v)"), TABLE, TABLE, TABLE, TABLE, OK, OK),
            new Op("read procedure dolt_checkout", List.of("USE shop", "CALL dolt_checkout('feature')"),
                    DB, DB, OK, OK, OK, OK),
            new Op("write procedure dolt_commit", List.of("USE shop", "CALL dolt_commit('--allow-empty', '-m', '{U}')"),
                    DB, DB, DB, OK, OK, OK),
            new Op("write procedure dolt_branch", List.of("USE shop", "CALL dolt_branch('b_{U}')"),
                    DB, DB, DB, OK, OK, OK),
            new Op("dolt_commit as a function", List.of("USE shop", "SELECT dolt_commit('--allow-empty', '-m', 'f')"),
                    DB, DB, DB, OK, OK, OK),
            new Op("CREATE DATABASE", List.of("CREATE DATABASE db_{U}"), DB, DB, DB, DB, DB, OK),
            new Op("CREATE USER", List.of("CREATE USER x_{U}"), SPECIFIC, SPECIFIC, SPECIFIC, SPECIFIC, SPECIFIC, OK),
            new Op("SELECT mysql.user", List.of("SELECT User FROM mysql.user"), TABLE, TABLE, TABLE, TABLE, TABLE, OK),
            new Op("SHOW GRANTS FOR root", List.of("SHOW GRANTS FOR 'root'@'localhost'"), DB, DB, DB, DB, DB, OK));

    @Test
    void everyAccountAgainstEveryKindOfStatement() throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("privilege-matrix")) {
            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                Sql.exec(root, "CREATE DATABASE shop");
                Sql.exec(root, "USE shop");
                Sql.exec(root, "CREATE TABLE t1 (id INT PRIMARY KEY, who VARCHAR(40))");
                Sql.exec(root, "CREATE TABLE t2 (id INT PRIMARY KEY, v INT)");
                Sql.exec(root, "INSERT INTO t1 VALUES (1, 'root')");
                Sql.exec(root, "INSERT INTO t2 VALUES (1, 10)");
                Sql.exec(root, "CALL dolt_commit('-Am', 'tables')");
                Sql.exec(root, "CALL dolt_branch('feature')");
                for (var e : USERS.entrySet()) {
                    Sql.exec(root, "CREATE USER " + e.getKey() + " IDENTIFIED BY '" + PW + "'");
                    for (String grant : e.getValue()) {
                        Sql.exec(root, grant);
                    }
                }
            }
            List<String> mismatches = new ArrayList<>();
            int cells = 0;
            int denied = 0;
            List<String> users = new ArrayList<>(USERS.keySet());
            for (int u = 0; u < users.size(); u++) {
                String user = users.get(u);
                try (Connection c = Accounts.connect(server, user, PW, null)) {
                    for (Op op : OPS) {
                        int got = 0;
                        for (String s : op.statements()) {
                            got = Accounts.code(c, s.replace("{U}", user).replace("{N}", Integer.toString(100 + u)));
                            if (got != 0) {
                                break;
                            }
                        }
                        Accounts.code(c, "USE information_schema"); // leave the database for the next row
                        cells++;
                        if (got != 0) {
                            denied++;
                        }
                        if (got != op.expected()[u]) {
                            mismatches.add(op.name() + " as " + user + ": expected " + op.expected()[u] + ", got " + got);
                        }
                    }
                    // information_schema and SHOW DATABASES show only what the account may see
                    int visible = Integer.parseInt(Sql.scalar(c,
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'shop' "
                                    + "AND table_name IN ('t1', 't2')"));
                    int expectedVisible = switch (user) {
                        case "u_none" -> 0;
                        case "u_table" -> 1;
                        default -> 2;
                    };
                    cells++;
                    if (visible != expectedVisible) {
                        mismatches.add("information_schema.tables as " + user + ": " + visible + " of t1, t2");
                    }
                    boolean listed = Sql.column(c, "SHOW DATABASES").contains("shop");
                    cells++;
                    if (listed == user.equals("u_none")) {
                        mismatches.add("SHOW DATABASES as " + user + " lists shop: " + listed);
                    }
                }
            }
            assertEquals(List.of(), mismatches);

            // connecting straight into a database without privileges on it: 1044 at login
            assertEquals(1044, Accounts.loginCode(server, "u_none", PW, "shop"));
            assertEquals(0, Accounts.loginCode(server, "u_table", PW, "shop"));

            // a real client: the mariadb CLI as u_dbread over TLS
            CliResult read = cli(server, "u_dbread", "SELECT who FROM shop.t1 WHERE id = 1");
            assertEquals(0, read.exit(), read.output());
            assertEquals("root", read.output().strip());
            CliResult write = cli(server, "u_dbread", "INSERT INTO shop.t1 VALUES (7, 'x')");
            assertTrue(write.output().contains("ERROR 1142 (42000)") && write.output().contains("INSERT command denied"),
                    write.output());

            // revoking takes effect on the next statement of an open session
            try (Connection c = Accounts.connect(server, "u_dbwrite", PW, "shop");
                 Connection root = ConnectorJ.V9.connect(server, null, false)) {
                assertEquals(0, Accounts.code(c, "INSERT INTO t1 VALUES (200, 'before')"));
                Sql.exec(root, "REVOKE INSERT ON shop.* FROM u_dbwrite");
                assertEquals(1142, Accounts.code(c, "INSERT INTO t1 VALUES (201, 'after')"));
            }
            Accounts.figures("privilege matrix: " + USERS.size() + " accounts x " + (OPS.size() + 2)
                    + " statement kinds = " + cells + " cells, " + denied + " denied as expected, "
                    + mismatches.size() + " mismatches");
        }
    }

    private record CliResult(int exit, String output) {
    }

    private static CliResult cli(ScionServerProcess server, String user, String sql) throws Exception {
        List<String> cmd = List.of(ItConfig.mysqlCli(), "--no-defaults", "-h", server.host(), "-P",
                Integer.toString(server.port()), "--protocol=TCP", "-u", user, "-p" + PW, "--ssl", "-N", "-e", sql);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new CliResult(p.exitValue(), out);
    }
}
