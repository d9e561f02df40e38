package dev.scion.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.parser.StatementReader;

/**
 * Golden-file tests of physical plans: every {@code plans/*.txt} holds blocks of {@code -- query}, the SQL,
 * {@code -- plan}, the expected {@link PlanPrinter} output, compared exactly against the fixed schema below. On a
 * mismatch the actual file is written to {@code target/plans-actual/} for review.
 */
class PlanGoldenTest {
    private static Path dir;
    private static EngineFixture db;

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("scion-plans");
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE big (id INT PRIMARY KEY, k INT, v VARCHAR(10))");
        db.exec("CREATE TABLE mid (id INT PRIMARY KEY, big_id INT, w INT)");
        db.exec("CREATE TABLE small (id INT PRIMARY KEY, mid_id INT, name VARCHAR(10))");
        StringBuilder big = new StringBuilder("INSERT INTO big VALUES (1, 1, 'a')");
        for (int i = 2; i <= 200; i++) {
            big.append(", (").append(i).append(", ").append(i % 10).append(", 'v").append(i).append("')");
        }
        db.exec(big.toString());
        StringBuilder mid = new StringBuilder("INSERT INTO mid VALUES (1, 1, 1)");
        for (int i = 2; i <= 50; i++) {
            mid.append(", (").append(i).append(", ").append(i * 3).append(", ").append(i).append(")");
        }
        db.exec(mid.toString());
        db.exec("INSERT INTO small VALUES (1, 1, 'x'), (2, 2, 'y'), (3, 3, 'z')");
        db.exec("CREATE INDEX big_k ON big (k)");
        // keys that are not integers (plans/keys.txt)
        db.exec("CREATE TABLE txt (id VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin PRIMARY KEY, n INT,"
                + " ci VARCHAR(20) COLLATE utf8mb4_general_ci, KEY txt_ci (ci))");
        db.exec("CREATE TABLE ev (id INT PRIMARY KEY, day DATE, amt DECIMAL(8,2), x DOUBLE, tm DATETIME, f FLOAT,"
                + " KEY ev_day (day), KEY ev_amt (amt), KEY ev_x (x), KEY ev_tm (tm), KEY ev_f (f))");
        db.exec("CREATE TABLE grp (a INT, b INT, c VARCHAR(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin,"
                + " PRIMARY KEY (a, c), KEY grp_ab (a, b))");
        StringBuilder txt = new StringBuilder("INSERT INTO txt VALUES ('k1', 1, 'c1')");
        StringBuilder ev = new StringBuilder("INSERT INTO ev VALUES (1, '2020-01-01', 1.00, 0.5, '2020-01-01 00:00:00', 1)");
        StringBuilder grp = new StringBuilder("INSERT INTO grp VALUES (1, 1, 'a')");
        for (int i = 2; i <= 200; i++) {
            txt.append(", ('k").append(i).append("', ").append(i).append(", 'c").append(i).append("')");
            ev.append(", (").append(i).append(", DATE_ADD('2020-01-01', INTERVAL ").append(i % 30).append(" DAY), ")
                    .append(i).append(".25, ").append(i).append(".5, '2020-01-01 10:00:00', ").append(i).append(')');
            grp.append(", (").append(i % 7).append(", ").append(i).append(", 'c").append(i).append("')");
        }
        db.exec(txt.toString());
        db.exec(ev.toString());
        db.exec(grp.toString());
        // a primary key keyed by its collation's sort key (plans/collated_keys.txt)
        db.exec("CREATE TABLE cik (name VARCHAR(20) COLLATE utf8mb4_general_ci PRIMARY KEY, n INT, KEY cik_n (n))");
        db.exec("INSERT INTO cik SELECT CONCAT('Name', id), id FROM big");
        db.exec("CREATE TABLE tyf (id INT PRIMARY KEY, t TIME, y YEAR, f FLOAT, KEY tyf_t (t), KEY tyf_y (y),"
                + " KEY tyf_f (f))");
        db.exec("INSERT INTO tyf SELECT id, SEC_TO_TIME(id * 60), 1900 + id, id / 4 FROM big");
        // functional key parts (plans/functional_keys.txt)
        db.exec("CREATE TABLE fk (id INT PRIMARY KEY, name VARCHAR(20), n INT, KEY fk_lower ((lower(name))),"
                + " KEY fk_n10 ((n * 10)))");
        db.exec("INSERT INTO fk SELECT id, CONCAT('Name', id), id FROM big");
        // two tables large enough for a merge join on their primary keys (plans/joins.txt)
        db.exec("CREATE TABLE ma (id INT PRIMARY KEY, v INT)");
        db.exec("CREATE TABLE mb (id BIGINT PRIMARY KEY, w INT, ma_id INT, KEY mb_ma (ma_id))");
        StringBuilder ma = new StringBuilder("INSERT INTO ma VALUES (0, 0)");
        StringBuilder mb = new StringBuilder("INSERT INTO mb VALUES (0, 0, 0)");
        for (int i = 1; i < 1200; i++) {
            ma.append(", (").append(i).append(", ").append(i % 7).append(')');
            mb.append(", (").append(i * 2).append(", ").append(i).append(", ").append(i).append(')');
        }
        db.exec(ma.toString());
        db.exec(mb.toString());
    }

    @AfterAll
    static void tearDown() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenPlans() throws IOException, URISyntaxException {
        Path root = Path.of(PlanGoldenTest.class.getResource("/plans").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String expected = Files.readString(f, StandardCharsets.UTF_8);
            String actual = render(expected);
            if (!actual.equals(expected)) {
                Path out = Path.of("target", "plans-actual");
                Files.createDirectories(out);
                Files.writeString(out.resolve(f.getFileName()), actual, StandardCharsets.UTF_8);
            }
            assertEquals(expected, actual, f.getFileName().toString());
        }));
    }

    /** The file with every plan block replaced by the plan the engine builds now. */
    private static String render(String golden) {
        StringBuilder out = new StringBuilder();
        List<String> query = new ArrayList<>();
        boolean inQuery = false;
        boolean inPlan = false;
        for (String line : golden.split("\n", -1)) {
            if (line.equals("-- query")) {
                inQuery = true;
                inPlan = false;
                query.clear();
                out.append(line).append('\n');
            } else if (line.equals("-- plan")) {
                inQuery = false;
                inPlan = true;
                out.append(line).append('\n');
                out.append(plan(String.join("\n", query)));
            } else if (inQuery) {
                query.add(line);
                out.append(line).append('\n');
            } else if (!inPlan || line.isEmpty()) {
                if (inPlan) {
                    inPlan = false;
                }
                out.append(line).append('\n');
            }
        }
        String s = out.toString();
        return s.endsWith("\n\n") && !golden.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String plan(String sql) {
        String rewritten = VariableRewriter.rewrite(sql);
        QueryPlanner.Plan p = QueryPlanner.plan(db.session(), StatementReader.statement(rewritten), rewritten);
        return PlanPrinter.print(p.root());
    }
}
