package dev.scion.sql.plan.cache;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.PreparedQuery;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.ParameterBinder;
import dev.scion.sql.result.StatementResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prepared SELECT found by its bound values ({@link PreparedShape}) must answer exactly as its bound text sent as
 * a query does: same columns, rows and errors, whatever the values (those the text level would not match take the
 * text path).
 */
class PreparedShapeTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE r");
        db.exec("USE r");
        db.exec("CREATE TABLE t (id INT NOT NULL, k BIGINT NOT NULL, c VARCHAR(20), PRIMARY KEY (id), KEY k_1 (k))");
        db.exec("INSERT INTO t VALUES (1, 10, 'one'), (2, 20, 'it''s'), (3, 30, 'a\\\\b'), (4, -5, NULL), "
                + "(5, 50, 'FOR UPDATE')");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static final List<String> TEMPLATES = List.of(
            "SELECT c FROM t WHERE id BETWEEN ? AND ?",
            "SELECT id, c FROM t WHERE k BETWEEN ? AND ? ORDER BY c",
            "SELECT id FROM t WHERE c = ? OR k = ?",
            "SELECT SUM(k), ? FROM t WHERE id > ?",
            "SELECT id FROM t WHERE id >= ? ORDER BY id LIMIT ?",
            "  SELECT COUNT(*)\n FROM t WHERE k < ? AND id <> ?;");

    private static final List<Object> VALUES = List.of(1L, 30, -5L, 1_000_000_000_000_000_000L, "one", "it's",
            "a\\b", "FOR UPDATE", "2", new BigDecimal("2.5"), (short) 2);

    /** Columns and rows of one result, or the error's code and message. */
    private static String describe(Runnable run, List<String> out) {
        try {
            run.run();
            return String.join("\n", out);
        } catch (SqlError e) {
            return "error " + e.errorCode() + ": " + e.getMessage();
        }
    }

    private static void collect(StatementResult r, List<String> out) {
        if (r instanceof StatementResult.Rows rows) {
            out.add(rows.columns().toString());
            try (var s = rows.rows()) {
                Object[] row;
                while ((row = s.next()) != null) {
                    out.add(Arrays.toString(row));
                }
            }
        }
    }

    @Test
    void executionsAnswerAsTheirBoundText() {
        long checked = 0;
        for (String template : TEMPLATES) {
            PreparedQuery q = db.engine().prepare(db.session(), template);
            for (Object first : VALUES) {
                for (Object second : VALUES) {
                    Object[] values = {first, second};
                    List<String> prepared = new ArrayList<>();
                    String p = describe(() -> q.execute(db.session(), values, r -> collect(r, prepared)), prepared);
                    List<String> text = new ArrayList<>();
                    String t = describe(() -> db.engine().execute(db.session(), ParameterBinder.bind(template, values),
                            false, r -> collect(r, text)), text);
                    assertEquals(t, p, template + " with " + Arrays.toString(values));
                    checked++;
                }
            }
        }
        // a plan is found only by values of the kinds it was made for (a string where the plan took an integer is
        // planned with its literals: it compares as MySQL compares a string with a number), so most of the mixed
        // pairs above plan anew
        assertTrue(db.session().planCache().boundHits() >= 20, db.session().planCache().boundHits()
                + " executions found by value of " + checked);
    }

    @Test
    void onlyPlainSelectsWithSeparateParametersHaveAShape() {
        assertNotNull(PreparedShape.of("SELECT c FROM t WHERE id BETWEEN ? AND ?"));
        assertNotNull(PreparedShape.of("SELECT c FROM t WHERE c = ? AND k=-?"));
        assertNull(PreparedShape.of("UPDATE t SET c = ? WHERE id = ?"));
        assertNull(PreparedShape.of("SELECT c FROM t WHERE id = 1?"), "a bound number would join the 1");
        assertNull(PreparedShape.of("SELECT c FROM t WHERE c = 'a'?"), "a bound string would join the 'a'");
        assertNull(PreparedShape.of("SELECT c FROM t WHERE id = ?.5"));
        assertNull(PreparedShape.of("SELECT c FROM t WHERE id = @v AND k = ?"));
        assertNull(PreparedShape.of("SELECT c FROM t /* note */ WHERE id = ?"));
    }

    @Test
    void onlyPlainLiteralsAreReadFromValues() {
        assertEquals(7L, PreparedShape.literalValue(7));
        assertEquals("it's", PreparedShape.literalValue("it's"));
        assertNull(PreparedShape.literalValue(-1L), "the minus sign is part of the text's skeleton");
        assertNull(PreparedShape.literalValue(1_000_000_000_000_000_000L), "19 digits are not read as a value");
        assertNull(PreparedShape.literalValue("a\\b"), "written with an escape");
        assertNull(PreparedShape.literalValue("x for share"), "makes the text a possible locking read");
        assertNull(PreparedShape.literalValue(null));
        assertNull(PreparedShape.literalValue(new BigDecimal("2")));
        assertNull(PreparedShape.literalValue(2.0d));
    }

    @Test
    void theRunningStatementShowsTheBoundText() {
        PreparedQuery q = db.engine().prepare(db.session(), "SELECT c FROM t WHERE id BETWEEN ? AND ?");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            q.execute(db.session(), new Object[] {1L, 2L}, r -> seen.add(db.session().runningStatement()));
        }
        assertEquals(List.of("SELECT c FROM t WHERE id BETWEEN 1 AND 2", "SELECT c FROM t WHERE id BETWEEN 1 AND 2"),
                seen);
    }
}
