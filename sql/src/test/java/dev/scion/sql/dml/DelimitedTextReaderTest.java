package dev.scion.sql.dml;

import dev.scion.sql.error.SqlError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelimitedTextReaderTest {

    private static List<List<String>> read(String statement, String input) throws IOException {
        LoadDataStatement s = LoadDataStatement.parse(statement);
        DelimitedTextReader r = new DelimitedTextReader(new StringReader(input), s);
        List<List<String>> rows = new ArrayList<>();
        List<String> row;
        while ((row = r.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    private static List<String> row(String... fields) {
        return Arrays.asList(fields);
    }

    @Test
    void defaultsAreTabsNewlinesAndBackslashEscapes() throws IOException {
        assertEquals(List.of(row("1", "a b"), row("2", null), row("3", "tab\there"), row("4", "back\\slash\n")),
                read("LOAD DATA LOCAL INFILE 'f' INTO TABLE t",
                        "1\ta b\n2\t\\N\n3\ttab\\there\n4\tback\\\\slash\\n\n"));
        assertEquals(List.of(row("x")), read("load data local infile 'f' into table t", "x"), "last line unterminated");
        assertEquals(List.of(), read("load data local infile 'f' into table t", ""));
    }

    @Test
    void csvWithEnclosingQuotes() throws IOException {
        String stmt = "LOAD DATA LOCAL INFILE '/tmp/x.csv' INTO TABLE db.t FIELDS TERMINATED BY ',' "
                + "OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\r\\n' IGNORE 1 LINES (a, `b`, c)";
        LoadDataStatement s = LoadDataStatement.parse(stmt);
        assertEquals("db", s.database());
        assertEquals("t", s.table());
        assertEquals(List.of(new LoadDataStatement.Input("a", null), new LoadDataStatement.Input("b", null),
                new LoadDataStatement.Input("c", null)), s.inputs());
        assertTrue(s.optionallyEnclosed());
        assertEquals(1, s.ignoreLines());
        assertEquals(List.of(row("header", "h2", "h3"), row("1", "a, \"quoted\" b", null), row("2", "", "NULL x")),
                read(stmt.replace("IGNORE 1 LINES ", ""),
                        "header,h2,h3\r\n1,\"a, \"\"quoted\"\" b\",NULL\r\n2,\"\",NULL x\r\n"));
    }

    @Test
    void lineStarterSkipsLinesWithoutIt() throws IOException {
        assertEquals(List.of(row("1", "a"), row("2", "b")),
                read("LOAD DATA LOCAL INFILE 'f' INTO TABLE t FIELDS TERMINATED BY '|' LINES STARTING BY 'xx'",
                        "xx1|a\nnoise\nsome xx2|b\n"));
    }

    @Test
    void duplicateHandlingUserVariablesAndSetAreParsed() {
        LoadDataStatement s = LoadDataStatement.parse("LOAD DATA LOCAL INFILE 'f' REPLACE INTO TABLE t "
                + "(a, @b, @`c d`) SET e = @b + 1, f = UPPER(a)");
        assertEquals(LoadDataStatement.Duplicates.REPLACE, s.duplicates());
        assertEquals(List.of(new LoadDataStatement.Input("a", null), new LoadDataStatement.Input(null, "b"),
                new LoadDataStatement.Input(null, "c d")), s.inputs());
        assertEquals(List.of("e", "f"), s.assignments().stream().map(LoadDataStatement.Assignment::column).toList());
        assertEquals(LoadDataStatement.Duplicates.IGNORE,
                LoadDataStatement.parse("LOAD DATA INFILE 'f' IGNORE INTO TABLE t IGNORE 2 LINES").duplicates());
    }

    @Test
    void unsupportedClausesAreRefusedNotIgnored() {
        for (String bad : List.of("LOAD DATA LOCAL INFILE 'f' INTO TABLE t PARTITION (p0)",
                "LOAD DATA LOCAL INFILE 'f' INTO TABLE t FIELDS TERMINATED BY ''")) {
            SqlError e = assertThrows(SqlError.class, () -> LoadDataStatement.parse(bad), bad);
            assertEquals(1235, e.code());
        }
        for (String bad : List.of("LOAD DATA LOCAL INFILE 'f' INTO TABLE t garbage",
                "LOAD DATA LOCAL INFILE 'f' INTO TABLE t SET a")) {
            SqlError syntax = assertThrows(SqlError.class, () -> LoadDataStatement.parse(bad), bad);
            assertEquals(1064, syntax.code());
        }
        assertFalse(LoadDataStatement.parse("LOAD DATA INFILE 'f' INTO TABLE t").local());
    }
}
