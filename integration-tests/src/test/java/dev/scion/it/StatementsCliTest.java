package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.CliOutput;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;

/**
 * Issue 2, point 3 through the mariadb CLI: the exact statement list in one batch ({@code -vvv -t}, which prints every
 * statement's "Query OK, N rows affected" or table), then the column metadata the client receives
 * ({@code --column-type-info}).
 */
class StatementsCliTest {
    static final String STATEMENTS = "CREATE DATABASE mydb; USE mydb; "
            + "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), qty INT); "
            + "INSERT INTO t VALUES (1,'a',10),(2,'b',20); SELECT * FROM t WHERE id = 2; "
            + "UPDATE t SET qty = qty + 1 WHERE id = 1; DELETE FROM t WHERE id = 2; SELECT COUNT(*) FROM t;";

    /** The client's answer to each statement, split on the -vvv statement echo. */
    static List<String[]> answers(String stdout) {
        List<String[]> out = new ArrayList<>();
        String[] parts = stdout.replace("\r", "").split("(?m)^--------------\\n");
        // parts: [before, stmt1, answer1, stmt2, answer2, ...]
        for (int i = 1; i + 1 < parts.length; i += 2) {
            out.add(new String[] {parts[i].strip(), parts[i + 1]});
        }
        return out;
    }

    @ManagedServer("statements-cli") static ScionServerProcess server;

    @Test
    void issueStatementListAffectedRowsAndResults() {
        server.dropDatabasesIfExternal("mydb");
        MysqlCli cli = new MysqlCli(server);
        MysqlCli.Result r = cli.batch(null, STATEMENTS, "-vvv", "-t").assertSuccess();
        List<String[]> a = answers(r.stdout());
        List<String> stmts = a.stream().map(x -> x[0]).toList();
        // USE is handled by the client (COM_INIT_DB) and not echoed in batch mode
        assertEquals(List.of("CREATE DATABASE mydb",
                "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), qty INT)",
                "INSERT INTO t VALUES (1,'a',10),(2,'b',20)", "SELECT * FROM t WHERE id = 2",
                "UPDATE t SET qty = qty + 1 WHERE id = 1", "DELETE FROM t WHERE id = 2", "SELECT COUNT(*) FROM t"),
                stmts, r.toString());
        assertEquals(Long.valueOf(1), CliOutput.queryOkCount(a.get(0)[1]), "CREATE DATABASE\n" + r);
        assertEquals(Long.valueOf(0), CliOutput.queryOkCount(a.get(1)[1]), "CREATE TABLE\n" + r);
        assertEquals(Long.valueOf(2), CliOutput.queryOkCount(a.get(2)[1]), "INSERT\n" + r);
        CliOutput.Table sel = CliOutput.tables(a.get(3)[1]).get(0);
        assertEquals(List.of("id", "name", "qty"), sel.columns(), r.toString());
        assertEquals(List.of(List.of("2", "b", "20")), sel.rows(), r.toString());
        assertTrue(a.get(3)[1].contains("1 row in set"), r.toString());
        assertEquals(Long.valueOf(1), CliOutput.queryOkCount(a.get(4)[1]), "UPDATE\n" + r);
        assertEquals(Long.valueOf(1), CliOutput.queryOkCount(a.get(5)[1]), "DELETE\n" + r);
        CliOutput.Table count = CliOutput.tables(a.get(6)[1]).get(0);
        assertEquals(List.of("COUNT(*)"), count.columns(), r.toString());
        assertEquals(List.of(List.of("1")), count.rows(), r.toString());

        // the CLI does not ask for CLIENT_FOUND_ROWS: an UPDATE that changes nothing reports 0
        MysqlCli.Result same = cli.batch("mydb", "UPDATE t SET qty = qty WHERE id = 1", "-vvv").assertSuccess();
        assertEquals(Long.valueOf(0), CliOutput.queryOkCount(same.stdout()), same.toString());
        MysqlCli.Result rows = cli.batch("mydb", "SELECT * FROM t", "-t").assertSuccess();
        assertEquals(List.of(List.of("1", "a", "11")), rows.tables().get(0).rows(), rows.toString());
    }

    @Test
    void columnMetadataAsTheClientSeesIt() {
        server.dropDatabasesIfExternal("metadb");
        MysqlCli cli = new MysqlCli(server);
        cli.batch(null, "CREATE DATABASE metadb; USE metadb; "
                + "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), qty INT); "
                + "INSERT INTO t VALUES (1,'a',10),(2,'b',20);").assertSuccess();
        MysqlCli.Result r = cli.batch("metadb", "SELECT * FROM t WHERE id = 2", "--column-type-info", "-t").assertSuccess();
        List<Map<String, String>> f = CliOutput.columnTypeInfo(r.stdout());
        assertEquals(3, f.size(), r.toString());
        assertEquals(List.of("id", "name", "qty"), f.stream().map(m -> m.get("Field")).toList(), r.toString());
        for (Map<String, String> m : f) {
            assertEquals("metadb", m.get("Database"), r.toString());
            assertEquals("t", m.get("Table"), r.toString());
            assertEquals("t", m.get("Org_table"), r.toString());
            assertEquals(m.get("Field"), m.get("Org_field"), r.toString());
        }
        assertEquals("LONG", f.get(0).get("Type"), r.toString());
        assertEquals("VAR_STRING", f.get(1).get("Type"), r.toString());
        assertEquals("LONG", f.get(2).get("Type"), r.toString());
        // length in bytes: 40 characters times the maximum bytes per character of the column's collation
        String collation = f.get(1).get("Collation");
        assertEquals(String.valueOf(40 * bytesPerChar(collation)), f.get(1).get("Length"), r.toString());
        List<String> idFlags = List.of(f.get(0).get("Flags").split("\\s+"));
        assertTrue(idFlags.contains("NOT_NULL") && idFlags.contains("PRI_KEY"), r.toString());
        assertFalse(f.get(1).get("Flags").contains("NOT_NULL"), r.toString());
        assertFalse(f.get(2).get("Flags").contains("NOT_NULL"), r.toString());
        assertFalse(f.get(0).get("Flags").contains("AUTO_INCREMENT"), r.toString());

        MysqlCli.Result c = cli.batch("metadb", "SELECT COUNT(*) FROM t", "--column-type-info", "-t").assertSuccess();
        List<Map<String, String>> cf = CliOutput.columnTypeInfo(c.stdout());
        assertEquals("COUNT(*)", cf.get(0).get("Field"), c.toString());
        assertEquals("LONGLONG", cf.get(0).get("Type"), c.toString());
    }

    /** Maximum bytes per character of a collation as the client prints it: "utf8mb4_general_ci (45)" or "? (255)". */
    static int bytesPerChar(String collation) {
        Matcher m = java.util.regex.Pattern.compile("^(\\S+)\\s+\\((\\d+)\\)$").matcher(collation == null ? "" : collation);
        if (!m.matches()) {
            throw new AssertionError("unexpected collation format: " + collation);
        }
        String name = m.group(1);
        int id = Integer.parseInt(m.group(2));
        String cs = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
        if (name.equals("?")) {
            // a collation this (MariaDB) client does not know by name, e.g. MySQL 8's utf8mb4_0900_ai_ci (255)
            if (id == 45 || id == 46 || (id >= 224 && id <= 247) || (id >= 255 && id <= 323)) {
                cs = "utf8mb4";
            } else if (id == 33 || id == 83 || (id >= 192 && id <= 215)) {
                cs = "utf8mb3";
            }
        }
        return switch (cs) {
            case "utf8mb4" -> 4;
            case "utf8mb3", "utf8" -> 3;
            case "latin1", "ascii", "binary" -> 1;
            default -> throw new AssertionError("unexpected collation for a VARCHAR column: " + collation);
        };
    }
}
