package dev.scion.sql.dml;

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

/**
 * A prepared write of the fast path's shapes is parsed once ({@link PreparedWrite}); its executions bind their
 * parameters into the parsed statement. Binding must give exactly what parsing the bound text gives, or nothing
 * (the text path then runs), and executions must behave as the same statements sent as text.
 */
class PreparedWriteTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE w");
        db.exec("USE w");
        for (String t : List.of("prepared", "text")) {
            db.exec("CREATE TABLE " + t + " (id INT NOT NULL AUTO_INCREMENT, k INT NOT NULL DEFAULT 0, "
                    + "c CHAR(12) NOT NULL DEFAULT '', pad VARCHAR(20) DEFAULT 'p', PRIMARY KEY (id), KEY k_1 (k))");
            db.exec("INSERT INTO " + t + " (id, k, c) VALUES (1, 10, 'one'), (2, 20, 'two'), (3, 30, 'three')");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static final List<String> TEMPLATES = List.of(
            "UPDATE t SET c = ? WHERE id = ?",
            "UPDATE t SET k = k + 1, c = ? WHERE id = ?",
            "UPDATE `t` SET c='x', pad = ? WHERE id=?",
            "DELETE FROM t WHERE id = ?",
            "DELETE FROM w.t WHERE id=?   ",
            "INSERT INTO t (id, k, c, pad) VALUES (?, ?, ?, ?)",
            "INSERT INTO t (k, c) VALUES (?, 'a?b'), (?, ?)",
            "INSERT INTO t VALUES (?,?,?,?)");

    private static final List<Object> VALUES = List.of(7L, -7L, 0L, 999_999_999_999_999_999L,
            1_000_000_000_000_000_000L, -999_999_999_999_999_999L, Long.MIN_VALUE, 12, "plain", "", "it's",
            "back\\slash", "nul\0", "two  spaces", "ünïcödé", "?", "-- not a comment", "/* nor this */",
            new BigDecimal("1.5"), 2.5d, true, new byte[] {1, 2});

    /** The statement as a comparable text: records print their fields, rows print their values. */
    private static String show(Object parsed) {
        if (parsed instanceof WriteStatementParser.Insert ins) {
            List<String> rows = new ArrayList<>();
            for (Object[] r : ins.rows()) {
                rows.add(Arrays.toString(r));
            }
            return ins.table() + " " + ins.columns() + " " + rows;
        }
        return String.valueOf(parsed);
    }

    @Test
    void bindingGivesWhatParsingTheBoundTextGivesOrNothing() {
        int bound = 0;
        int declined = 0;
        for (String template : TEMPLATES) {
            int n = ParameterBinder.countParameters(template);
            PreparedWrite write = PreparedWrite.of(template, n);
            assertNotNull(write, template);
            for (int a = 0; a < VALUES.size(); a++) {
                for (int b = 0; b < VALUES.size(); b++) {
                    Object[] params = new Object[n];
                    for (int i = 0; i < n; i++) {
                        params[i] = VALUES.get(i % 2 == 0 ? a : b);
                    }
                    PreparedWrite.Bound result = write.bind(params);
                    String text = ParameterBinder.bind(template, params);
                    if (result == null) {
                        declined++;
                        continue;
                    }
                    bound++;
                    assertEquals(show(WriteStatementParser.parse(text.stripTrailing())), show(result.statement()),
                            text);
                }
            }
        }
        // integers of up to 18 digits and strings without quote, backslash or NUL bind; the rest declines
        assertEquals(true, bound > 300, bound + " bound");
        assertEquals(true, declined > 300, declined + " declined");
    }

    @Test
    void templatesTheFastPathCannotTakeAreNotPrepared() {
        assertNull(PreparedWrite.of("UPDATE t SET k = k + ? WHERE id = ?", 2)); // a parameter as the delta
        assertNull(PreparedWrite.of("UPDATE t SET c = ?x WHERE id = ?", 2));
        assertNull(PreparedWrite.of("UPDATE t SET c = ? WHERE id = ?;", 2));
        assertNull(PreparedWrite.of("UPDATE t SET c = ? WHERE id = ? OR id = ?", 3));
        assertNull(PreparedWrite.of("SELECT c FROM t WHERE id = ?", 1));
        assertNull(PreparedWrite.of("INSERT INTO t (c) VALUES (?) /* ? */", 1));
        assertNull(PreparedWrite.of("UPDATE t SET c = 'x' WHERE id = 1", 0));
    }

    /** The result of a statement, or its error, with the warnings and last insert id after it. */
    private List<Object> outcome(Runnable run, List<StatementResult> results) {
        List<Object> out = new ArrayList<>();
        try {
            run.run();
            StatementResult.Update u = (StatementResult.Update) results.get(0);
            out.add(u.affectedRows());
            out.add(u.lastInsertId());
            out.add(u.info());
        } catch (SqlError e) {
            out.add("error " + e.code() + ": " + e.getMessage().replace("prepared", "text"));
        }
        out.add(db.session().warnings().size());
        out.add(db.session().lastInsertId());
        return out;
    }

    private void agree(String template, Object... params) {
        List<StatementResult> prepared = new ArrayList<>();
        PreparedQuery q = db.engine().prepare(db.session(), template.replace("TBL", "prepared"));
        List<Object> viaPrepared = outcome(() -> q.execute(db.session(), params, prepared::add), prepared);
        List<StatementResult> text = new ArrayList<>();
        String sql = ParameterBinder.bind(template.replace("TBL", "text"), params);
        List<Object> viaText = outcome(() -> db.engine().execute(db.session(), sql, false, text::add), text);
        assertEquals(viaText, viaPrepared, sql);
        assertEquals(db.lines("SELECT * FROM text ORDER BY id"), db.lines("SELECT * FROM prepared ORDER BY id"), sql);
    }

    @Test
    void executionsBehaveAsTheirTextAndParseNoText() {
        long parsed = WriteStatementParser.textsParsed();
        agree("UPDATE TBL SET c = ? WHERE id = ?", "uno", 1L);
        agree("UPDATE TBL SET k = k + 1, c = ? WHERE id = ?", "same", 2L);
        agree("UPDATE TBL SET c = ? WHERE id = ?", "same", 2L); // matched, not changed
        agree("UPDATE TBL SET c = ? WHERE id = ?", "none", 99L); // no such row
        agree("UPDATE TBL SET c = ? WHERE id = ?", "much too long for c", 3L); // 1406 in strict mode
        agree("UPDATE TBL SET k = ? WHERE id = ?", "12abc", 3L); // 1366 in strict mode
        agree("DELETE FROM TBL WHERE id = ?", 3L);
        agree("INSERT INTO TBL (k, c, pad) VALUES (?, ?, ?)", 5L, "five", "p5"); // auto-increment id
        agree("INSERT INTO TBL (id, k, c) VALUES (?, ?, ?)", 1L, 6L, "dup"); // 1062
        long prepared = WriteStatementParser.textsParsed() - parsed;
        // only the text twins parsed their text (9), and the failed INSERT's general path (its 1062 comes from there
        // on neither side: both fast paths raise it) parsed nothing more
        assertEquals(9, prepared, "texts parsed");
    }

    @Test
    void valuesTheFastPathDoesNotReadTakeTheTextPath() {
        long parsed = WriteStatementParser.textsParsed();
        agree("UPDATE TBL SET c = ? WHERE id = ?", "it's", 1L);
        agree("UPDATE TBL SET c = ? WHERE id = ?", "a\\b", 2L);
        agree("UPDATE TBL SET pad = ? WHERE id = ?", null, 2L);
        agree("UPDATE TBL SET k = ? WHERE id = ?", new BigDecimal("4.5"), 1L);
        agree("INSERT INTO TBL (id, k, c) VALUES (?, ?, ?)", 40L, 2.5d, "x");
        // each execution parsed its bound text, as its text twin did
        assertEquals(10, WriteStatementParser.textsParsed() - parsed);
    }
}
