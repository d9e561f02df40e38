package dev.scion.cli.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {
    private static CsvReader csv(String s) {
        return new CsvReader(new StringReader(s), ',');
    }

    @Test
    void quotedFieldsDoubledQuotesEmbeddedNewlinesAndNulls() throws IOException {
        CsvReader r = csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,\"\",\\N\n\n");
        assertEquals(List.of("a", "b", "c"), r.next());
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), r.next());
        assertEquals(2, r.recordLine());
        assertEquals(Arrays.asList(null, "", null), r.next(), "unquoted empty and \\N are NULL, \"\" is empty");
        assertEquals(4, r.recordLine(), "the quoted newline counted as a line");
        assertNull(r.next());
    }

    @Test
    void malformedRecordsNameTheirLine() throws IOException {
        CsvReader r = csv("a\n\"open\n");
        r.next();
        CsvReader.MalformedCsvException e = assertThrows(CsvReader.MalformedCsvException.class, r::next);
        assertTrue(e.getMessage().startsWith("line 2: unterminated"), e.getMessage());
        CsvReader stray = csv("a\"b\n");
        assertThrows(CsvReader.MalformedCsvException.class, stray::next);
        CsvReader after = csv("\"a\"b\n");
        assertThrows(CsvReader.MalformedCsvException.class, after::next);
    }

    @Test
    void readsPastItsBufferSize() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            sb.append(i).append(",\"v").append(i).append("\"\n");
        }
        CsvReader r = csv(sb.toString());
        int n = 0;
        List<String> rec;
        while ((rec = r.next()) != null) {
            assertEquals(List.of(Integer.toString(n), "v" + n), rec);
            n++;
        }
        assertEquals(30_000, n);
    }

    @Test
    void recordsAreTheSameWhateverTheReadsReturn() throws IOException {
        String text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,\"\",\\N\n\n\"\"\"\",plain,\"q\"\"\"\n"
                + "long field value,\"\"\"quoted\"\"\",end\n";
        List<List<String>> whole = all(csv(text));
        for (int chunk = 1; chunk <= 7; chunk++) {
            int n = chunk;
            java.io.Reader trickle = new java.io.FilterReader(new StringReader(text)) {
                @Override
                public int read(char[] cbuf, int off, int len) throws IOException {
                    return super.read(cbuf, off, Math.min(len, n));
                }
            };
            assertEquals(whole, all(new CsvReader(trickle, ',')), "reads of at most " + n + " characters");
        }
        assertEquals(List.of("\"", "plain", "q\""), whole.get(3));
        assertEquals(List.of("long field value", "\"quoted\"", "end"), whole.get(4));
    }

    private static List<List<String>> all(CsvReader r) throws IOException {
        List<List<String>> out = new java.util.ArrayList<>();
        List<String> rec;
        while ((rec = r.next()) != null) {
            out.add(rec);
        }
        return out;
    }
}
