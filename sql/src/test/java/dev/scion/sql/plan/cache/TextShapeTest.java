package dev.scion.sql.plan.cache;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextShapeTest {

    private static List<Object> values(String sql) {
        return TextShape.of(sql).literals().stream().map(TextShape.Literal::value).toList();
    }

    @Test
    void statementsThatDifferOnlyInLiteralsShareASkeleton() {
        TextShape a = TextShape.of("SELECT c FROM sbtest1 WHERE id BETWEEN 5 AND 104 ORDER BY c");
        TextShape b = TextShape.of("SELECT c FROM sbtest1 WHERE id BETWEEN 900 AND 999 ORDER BY c");
        assertEquals(a.skeleton(), b.skeleton());
        assertEquals(List.of(900L, 999L), values("SELECT c FROM sbtest1 WHERE id BETWEEN 900 AND 999 ORDER BY c"));
        assertNotEquals(a.skeleton(), TextShape.of("SELECT pad FROM sbtest1 WHERE id BETWEEN 5 AND 104").skeleton());
    }

    @Test
    void digitsInsideNamesAreNotLiterals() {
        assertEquals(List.of(3L), values("SELECT k_1, `col 2` FROM t2 WHERE x1 = 3"));
        assertEquals(List.of(), values("SELECT a FROM db1.t9"));
    }

    @Test
    void stringsAreLiteralsWithTheirValue() {
        assertEquals(List.of("it's", "b"), values("SELECT a FROM t WHERE s = 'it''s' OR s = 'b'"));
        assertEquals(TextShape.of("SELECT a FROM t WHERE s = 'x'").skeleton(),
                TextShape.of("SELECT a FROM t WHERE s = 'a longer one'").skeleton());
    }

    @Test
    void decimalsAndExponentsAreLiteralsWithoutAParameterValue() {
        TextShape s = TextShape.of("SELECT a FROM t WHERE d > 1.5 AND e < 1e3 LIMIT 10");
        assertNotNull(s);
        assertEquals(3, s.literals().size());
        assertNull(s.literals().get(0).value());
        assertNull(s.literals().get(1).value());
        assertEquals(10L, s.literals().get(2).value());
    }

    @Test
    void whatTheParserAndItsRewritersOwnIsNotShaped() {
        for (String sql : List.of("SELECT @@version", "SELECT a FROM t WHERE b = @x", "SELECT a FROM t WHERE b = ?",
                "SELECT a FROM t WHERE s = 'a\\'b'", "SELECT a FROM t WHERE s = \"x\"", "SELECT a /* c */ FROM t",
                "SELECT a FROM t -- c", "SELECT a FROM t # c", "SELECT a\tFROM t", "SELECT a\r\nFROM t", "SELECT a FROM t WHERE b = x'0a'",
                "SELECT a FROM t WHERE b = _binary'x'", "SELECT a FROM t WHERE s = 'open")) {
            assertNull(TextShape.of(sql), sql);
        }
    }

    @Test
    void literalsOnLaterLinesCarryTheParsersLineAndColumn() {
        TextShape s = TextShape.of("\n  SELECT count(k)\n    FROM t\n    WHERE k BETWEEN 12 AND 'x'");
        assertNotNull(s);
        assertEquals(2, s.literals().size());
        assertEquals(4, s.literals().get(0).line());
        assertEquals(21, s.literals().get(0).column());
        assertEquals(4, s.literals().get(1).line());
        assertEquals(28, s.literals().get(1).column());
        assertEquals(TextShape.of("\n  SELECT count(k)\n    FROM t\n    WHERE k BETWEEN 7 AND 'y'").skeleton(),
                s.skeleton());
    }
}
