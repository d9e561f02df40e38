package dev.scion.it.dump;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.Programs;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.ScratchMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The mysqldump round trip of issue 6, with real programs only: a MariaDB database (resource mysqldump/shop.sql:
 * most column types, keys, a foreign key, a CHECK, a generated and a JSON column, a view, triggers) is dumped with
 * mariadb-dump and loaded into a Scion server with the mysql client; every table and the view must read back
 * the same on both servers, and the keys, triggers and generated column must work in Scion. Then {@code scion
 * dump} of that Scion database is loaded into MariaDB with the mysql client and compared with the original there.
 */
class MysqldumpRoundTripTest {
    private static final List<String> TABLES = List.of("customers", "orders", "order_log", "tags", "order_lines",
            "big_orders");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    @TempDir
    static Path tmp;
    static ScratchMariaDb mariadb;
    static Programs programs;
    static ScionServerProcess scion;
    static MysqlCli cli;

    @BeforeAll
    static void start() throws Exception {
        mariadb = ScratchMariaDb.start(tmp.resolve("mariadb"), "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci");
        programs = new Programs(Map.of("SCION_HOME", tmp.resolve("scion-home").toString(), "TZ", "UTC"), tmp);
        scion = ScionServerProcess.start("mysqldump-roundtrip");
        cli = new MysqlCli(scion);
    }

    @AfterAll
    static void stop() throws Exception {
        if (scion != null) {
            scion.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @Test
    void mariadbDumpLoadsIntoScionAndScionDumpLoadsBack() throws Exception {
        assumeFalse(scion.isExternal(), "needs the server's data directory for scion dump");
        Path source = tmp.resolve("shop.sql");
        try (InputStream in = MysqldumpRoundTripTest.class.getResourceAsStream("/mysqldump/shop.sql")) {
            Files.write(source, in.readAllBytes());
        }
        run(tmp, mariaClient(), source, 0);

        // 1. mariadb-dump -> mysql client -> Scion
        Path dump = tmp.resolve("mariadb-dump.sql");
        Files.writeString(dump, programs.stdout(tmp, mariadb.dump("--default-character-set=utf8mb4", "--hex-blob",
                "--routines", "--triggers", "--databases", "shop"), null, 0));
        MysqlCli.Result load = cli.batchStdin(null, read(dump), "--default-character-set=utf8mb4");
        assertEquals(0, load.exitCode(), () -> "loading mariadb-dump output into Scion failed:\n" + load.stderr());
        for (String t : TABLES) {
            assertEquals(rows(maria(select("shop", t))), rows(scionQuery(select("shop", t))), "table " + t);
        }

        // what the dump carried must work in Scion: the foreign key, both triggers, the generated column, JSON
        assertTrue(scionFails("INSERT INTO shop.orders (customer_id, total, placed) VALUES (999, 1, NOW())", "1452"));
        assertEquals("", scion("INSERT INTO shop.orders (customer_id, total, placed) "
                + "VALUES (3, 12.50, '2024-04-01 00:00:00')"));
        // the refused insert used id 4 as InnoDB's counter does (a failed statement leaves a gap)
        assertEquals("5\tplaced 12.50\n", scion("SELECT order_id, note FROM shop.order_log"));
        assertTrue(scionFails("INSERT INTO shop.order_lines (id, qty, price) VALUES (3, 1, -1)", "1644"));
        assertTrue(scionFails("INSERT INTO shop.order_lines (id, qty, price) VALUES (3, 0, 1)", "3819"));
        // MariaDB's JSON is LONGTEXT with CHECK (json_valid(doc)): the text stays as written, the check holds
        assertTrue(scionFails("INSERT INTO shop.order_lines (id, qty, price, doc) VALUES (3, 1, 1, 'not json')",
                "3819"));
        assertEquals("", scion("INSERT INTO shop.order_lines (id, qty, price, doc) VALUES (3, 3, 2.00, '{\"z\":1,\"a\":2}')"));
        assertEquals("6.00\t2\n", scion("SELECT line_total, doc->'$.a' FROM shop.order_lines WHERE id = 3"));
        assertEquals("3\n", scion("SELECT id FROM shop.order_lines WHERE line_total = 6"));
        // undo, so the database again equals MariaDB's for the way back
        scion("DELETE FROM shop.order_lines WHERE id = 3; DELETE FROM shop.orders WHERE id = 5; "
                + "DELETE FROM shop.order_log");

        // 2. scion dump -> mysql client -> MariaDB, compared there with the original
        scion.stop();
        Path back = tmp.resolve("scion-dump.sql");
        run(scion.dataDir().resolve("shop"), List.of(ItConfig.javaExecutable(), "-jar",
                ItConfig.serverJar().toString(), "dump", "--no-create-db", "-f", back.toString()), null, 0);
        run(tmp, maria("CREATE DATABASE shop_back"), null, 0);
        List<String> loadBack = new ArrayList<>(mariaClient());
        loadBack.add("shop_back");
        run(tmp, loadBack, back, 0);
        for (String t : TABLES) {
            assertEquals(rows(maria(select("shop", t))), rows(maria(select("shop_back", t))), "table " + t
                    + " after scion dump");
        }
        assertEquals("big_orders\n", run(tmp, maria("SELECT table_name FROM information_schema.views "
                + "WHERE table_schema = 'shop_back'"), null, 0));
        assertEquals("lines_bi\norders_ai\n", run(tmp, maria("SELECT trigger_name FROM information_schema.triggers "
                + "WHERE trigger_schema = 'shop_back' ORDER BY 1"), null, 0));
        assertEquals("fk_cust\n", run(tmp, maria("SELECT constraint_name FROM information_schema.referential_constraints "
                + "WHERE constraint_schema = 'shop_back'"), null, 0));
        // the generated column and the trigger work in MariaDB too
        run(tmp, maria("INSERT INTO shop_back.order_lines (id, qty, price) VALUES (9, 4, 2.50)"), null, 0);
        assertEquals("10.00\n", run(tmp, maria("SELECT line_total FROM shop_back.order_lines WHERE id = 9"), null, 0));
        assertTrue(run(tmp, maria("INSERT INTO shop_back.order_lines (id, qty, price) VALUES (10, 1, -1)"), null, 1)
                .contains("negative price"));
    }

    /**
     * mariadb-dump without --hex-blob writes binary values as raw bytes inside quoted literals, bytes >= 0x80 that
     * are not UTF-8 among them; loaded through the mysql client they must arrive byte for byte.
     */
    @Test
    void binaryValuesWithoutHexBlobLoadByteExact() throws Exception {
        run(tmp, maria("CREATE DATABASE rawbin; CREATE TABLE rawbin.b (id INT PRIMARY KEY, v VARBINARY(16), "
                + "big BLOB, fixed BINARY(4)); INSERT INTO rawbin.b VALUES (1, 0x00FF10, 0x80818283FEFF, 0xC3A9FF00), "
                + "(2, 0x27225C0A0D1A, 0xE29C93, 0x41424344), (3, 0xC0AF, 0xF0808080, 0xFFFFFFFF), (4, '', NULL, NULL)"),
                null, 0);
        Path dump = tmp.resolve("rawbin-dump.sql");
        ProcessBuilder pb = new ProcessBuilder(mariadb.dump(
                "--default-character-set=utf8mb4", "--databases", "rawbin")).redirectOutput(dump.toFile())
                .redirectError(tmp.resolve("rawbin-dump.err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, () -> read(tmp.resolve("rawbin-dump.err")));
        byte[] bytes = Files.readAllBytes(dump);
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("\u0080\u0081\u0082\u0083"),
                "the dump is expected to hold the raw bytes (no --hex-blob)");
        List<String> load = new ArrayList<>(cli.command(null, "--default-character-set=utf8mb4"));
        run(tmp, load, dump, 0);
        String query = "SELECT id, HEX(v), HEX(big), HEX(fixed), LENGTH(big) FROM rawbin.b ORDER BY id";
        assertEquals(run(tmp, maria(query), null, 0), scion(query));
    }

    private static String select(String db, String table) {
        return "SELECT * FROM " + db + "." + table + " ORDER BY 1, 2";
    }

    /** Rows as cells; numbers compared by value (MariaDB prints 0.00001 where MySQL and Scion print 1e-5). */
    private static List<List<String>> rows(List<String> command) throws Exception {
        return rows(run(tmp, command, null, 0));
    }

    private static List<List<String>> rows(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\t", -1)) {
                cells.add(NUMBER.matcher(cell).matches()
                        ? new BigDecimal(cell).stripTrailingZeros().toPlainString() : cell);
            }
            out.add(cells);
        }
        return out;
    }

    private static String scionQuery(String sql) {
        return scion(sql);
    }

    private static String scion(String sql) {
        MysqlCli.Result r = cli.batch(null, sql, "-N", "-B", "--default-character-set=utf8mb4");
        assertEquals(0, r.exitCode(), () -> sql + " failed on Scion: " + r.stderr());
        return r.stdout();
    }

    private static boolean scionFails(String sql, String code) {
        MysqlCli.Result r = cli.batch(null, sql, "-N", "-B");
        return r.exitCode() != 0 && r.stderr().contains("ERROR " + code);
    }

    private static List<String> mariaClient() {
        return mariadb.client("--default-character-set=utf8mb4");
    }

    private static List<String> maria(String sql) {
        List<String> cmd = new ArrayList<>(mariaClient());
        cmd.addAll(List.of("-N", "-B", "-e", sql));
        return cmd;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + p + ": " + e + ")";
        }
    }

    private static String run(Path dir, List<String> cmd, Path stdin, int expectExit) throws IOException,
            InterruptedException {
        return programs.run(dir, cmd, stdin, expectExit);
    }
}
