package dev.scion.scenario;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioTest {
    private static final String TEXT = """
            # a comment
            -- connection a: mydb
            > CREATE TABLE t (a INT);
            > INSERT INTO t VALUES (1), (2);
            ok 2

            > SELECT a, 'x\\|y' AS b
            >   FROM t;
            sorted
            a | b
            2 | x\\|y
            1 | <any=bound>

            -- close a
            > SELECT nothing;
            error 1054 42S22 : unknown column
            """;

    @Test
    void readsStatementsDirectivesAndExpectations() {
        Scenario s = Scenario.parse("example", null, TEXT);
        assertEquals(6, s.steps().size());
        var connect = (Scenario.Directive) s.steps().get(0);
        assertEquals(List.of("connection", "a", "mydb"), List.of(connect.kind(), connect.name(), connect.database()));
        var create = (Scenario.Statement) s.steps().get(1);
        assertEquals("CREATE TABLE t (a INT);", create.sql());
        assertEquals(Expectation.Kind.ANY, create.expectation().kind(), "a statement followed by one has none");
        assertEquals(2L, ((Scenario.Statement) s.steps().get(2)).expectation().affected());
        var select = (Scenario.Statement) s.steps().get(3);
        assertEquals("SELECT a, 'x\\|y' AS b\n  FROM t;", select.sql());
        assertEquals(7, select.line());
        assertTrue(select.expectation().sorted());
        assertEquals(List.of("2", "x|y"), select.expectation().rows().get(0));
        assertEquals("close", ((Scenario.Directive) s.steps().get(4)).kind());
        Expectation error = ((Scenario.Statement) s.steps().get(5)).expectation();
        assertEquals(List.of(1054, "42S22", "unknown column"),
                List.of(error.errorCode(), error.sqlState(), error.messagePart()));
    }

    @Test
    void aSyntaxErrorNamesFileAndLine() {
        AssertionError e = assertThrows(AssertionError.class, () -> Scenario.parse("bad", null, "> SELECT 1;\nok\n\n"
                + "-- frobnicate"));
        assertTrue(e.getMessage().contains("bad.test:4"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Scenario.parse("bad", null, "> SELECT 1;\na | b\n1\n"));
        assertTrue(e.getMessage().contains("row has 1 cells"), e.getMessage());
    }

    @Test
    void anOutcomeMatchesPlaceholdersInAnyOrderWhenSortedAndBindsVariables() {
        Expectation e = ((Scenario.Statement) Scenario.parse("example", null, TEXT).steps().get(3)).expectation();
        Map<String, String> vars = new HashMap<>();
        Outcome out = Outcome.result(List.of("a", "b"), List.of(List.of("1", "seven"), List.of("2", "x|y")));
        assertNull(out.mismatch(e, vars));
        assertEquals(Map.of("bound", "seven"), vars);
        assertEquals("seven", Outcome.substitute("${bound}", vars));
        Outcome other = Outcome.result(List.of("a", "b"), List.of(List.of("1", "eight"), List.of("2", "x|y")));
        assertEquals("no row matches expected row: 1 | <any=bound>", other.mismatch(e, vars));
        assertEquals("expected a result set", Outcome.ok(1L).mismatch(e, vars));
    }
}
