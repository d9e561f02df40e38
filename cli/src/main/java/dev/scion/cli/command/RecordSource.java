package dev.scion.cli.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scion.cli.support.CsvReader;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of an import file as text cells under a header: CSV (first line is the header) or JSON in Dolt's
 * shape, {@code {"rows": [{"col": value, ...}, ...]}}. Where it is ({@link #position()}) feeds error messages.
 */
abstract class RecordSource implements Closeable {
    abstract List<String> header() throws IOException;

    /** Cells in header order (null = SQL NULL), or null at the end. */
    abstract List<String> next() throws IOException;

    /** Where the last record returned by {@link #next} starts, as a number {@link #position(long)} can describe. */
    abstract long mark();

    /** A mark as a message prefix, e.g. "line 12". */
    abstract String position(long mark);

    final String position() {
        return position(mark());
    }

    abstract long bytesRead();

    static RecordSource open(Path file, String format) throws IOException {
        return format.equals("json") ? new Json(file) : new Csv(file, format.equals("psv") ? '|' : ',');
    }

    static String formatOf(Path file, String explicit) {
        if (explicit != null) {
            return explicit.toLowerCase();
        }
        String n = file.getFileName().toString().toLowerCase();
        if (n.endsWith(".json")) {
            return "json";
        }
        if (n.endsWith(".psv")) {
            return "psv";
        }
        return "csv";
    }

    static final class Csv extends RecordSource {
        private final BufferedReader in;
        private final CsvReader csv;
        private List<String> header;

        Csv(Path file, char delimiter) throws IOException {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            csv = new CsvReader(in, delimiter);
        }

        @Override
        List<String> header() throws IOException {
            if (header == null) {
                header = csv.next();
                if (header == null) {
                    throw new IOException("the file is empty (a CSV file needs a header line)");
                }
                if (header.stream().anyMatch(h -> h == null || h.isBlank())) {
                    throw new IOException("line 1: the header has an empty column name");
                }
            }
            return header;
        }

        @Override
        List<String> next() throws IOException {
            List<String> r = csv.next();
            if (r != null && r.size() != header.size()) {
                throw new CsvReader.MalformedCsvException(csv.recordLine(), "expected " + header.size()
                        + " fields, found " + r.size());
            }
            return r;
        }

        @Override
        long mark() {
            return csv.recordLine();
        }

        @Override
        String position(long mark) {
            return "line " + mark;
        }

        @Override
        long bytesRead() {
            return csv.charsRead();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static final class Json extends RecordSource {
        private final InputStream in;
        private final JsonParser p;
        private final List<String> header = new ArrayList<>();
        private Map<String, String> first;
        private long index;

        Json(Path file) throws IOException {
            in = Files.newInputStream(file);
            p = new JsonFactory().createParser(in);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object {\"rows\": [...]}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("rows") && t == JsonToken.START_ARRAY) {
                    first = object();
                    if (first != null) {
                        header.addAll(first.keySet());
                    }
                    return;
                }
                p.skipChildren();
            }
            throw new IOException("expected a \"rows\" array");
        }

        private Map<String, String> object() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new IOException("row " + (index + 1) + ": expected an object");
            }
            index++;
            Map<String, String> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    m.put(k, p.readValueAsTree().toString());
                } else {
                    m.put(k, v == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            return m;
        }

        @Override
        List<String> header() {
            return header;
        }

        @Override
        List<String> next() throws IOException {
            Map<String, String> m = first != null ? first : object();
            first = null;
            if (m == null) {
                return null;
            }
            List<String> out = new ArrayList<>(header.size());
            for (String k : m.keySet()) {
                if (!header.contains(k)) {
                    throw new IOException("row " + index + ": unknown column '" + k + "'");
                }
            }
            for (String h : header) {
                out.add(m.get(h));
            }
            return out;
        }

        @Override
        long mark() {
            return index;
        }

        @Override
        String position(long mark) {
            return "row " + mark;
        }

        @Override
        long bytesRead() {
            return p.currentLocation().getByteOffset();
        }

        @Override
        public void close() throws IOException {
            p.close();
            in.close();
        }
    }
}
