package dev.scion.cli.support;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 records: fields separated by a delimiter, optionally in double quotes (a doubled quote is a
 * quote; quoted fields may span lines). An unquoted empty field or {@code \N} reads as null (SQL NULL); a quoted
 * empty field is the empty string. Counts physical lines so errors can name where they are.
 */
public final class CsvReader {
    private final Reader in;
    private final char delimiter;
    private long line = 1;
    private long recordLine;
    private long charsRead;

    public CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line the last record returned started on. */
    public long recordLine() {
        return recordLine;
    }

    public long charsRead() {
        return charsRead;
    }

    // own buffer: Reader.read() per character takes a lock each time, which dominated large imports
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        charsRead++;
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    /** The next record, or null at the end of input. Blank lines are skipped. */
    public List<String> next() throws IOException {
        while (true) {
            int c = peek();
            if (c < 0) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                read();
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                continue;
            }
            break;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"' && sb.length() == 0) {
                // quoted field
                while (true) {
                    int q = read();
                    if (q < 0) {
                        throw new MalformedCsvException(recordLine, "unterminated quoted field");
                    }
                    if (q == '"') {
                        if (peek() == '"') {
                            read();
                            sb.append('"');
                            continue;
                        }
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    sb.append((char) q);
                }
                fields.add(sb.toString());
                sb.setLength(0);
                int after = read();
                if (after == delimiter) {
                    continue;
                }
                if (after < 0 || after == '\n' || after == '\r') {
                    endLine(after);
                    return fields;
                }
                throw new MalformedCsvException(recordLine, "unexpected character after a closing quote");
            }
            if (c < 0 || c == '\n' || c == '\r' || c == delimiter) {
                String s = sb.toString();
                fields.add(s.isEmpty() || s.equals("\\N") ? null : s);
                sb.setLength(0);
                if (c == delimiter) {
                    continue;
                }
                endLine(c);
                return fields;
            }
            if (c == '"') {
                throw new MalformedCsvException(recordLine, "stray quote inside an unquoted field");
            }
            sb.append((char) c);
        }
    }

    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        if (c >= 0) {
            line++;
        }
    }

    /** A record that breaks the CSV rules, with the line it starts on. */
    public static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;

        public MalformedCsvException(long line, String why) {
            super("line " + line + ": " + why);
        }
    }
}
