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
        while (true) {
            int c = peek();
            if (c == '"') {
                read();
                fields.add(quotedField());
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
            String s = unquotedField();
            fields.add(s.isEmpty() || s.equals("\\N") ? null : s);
            int end = read();
            if (end == delimiter) {
                continue;
            }
            endLine(end);
            return fields;
        }
    }

    /**
     * The field up to (not including) the next delimiter, line end or end of input. Scans the buffer in runs
     * and makes the string straight from it when the field does not cross a refill, which is almost always.
     */
    private String unquotedField() throws IOException {
        StringBuilder spill = null;
        while (true) {
            if (pos == len && !fill()) {
                return spill == null ? "" : spill.toString();
            }
            int from = pos;
            int i = from;
            while (i < len) {
                char ch = buf[i];
                if (ch == delimiter || ch == '\n' || ch == '\r') {
                    break;
                }
                if (ch == '"') {
                    throw new MalformedCsvException(recordLine, "stray quote inside an unquoted field");
                }
                i++;
            }
            charsRead += i - from;
            pos = i;
            if (i < len) {
                return spill == null ? new String(buf, from, i - from) : spill.append(buf, from, i - from).toString();
            }
            if (spill == null) {
                spill = new StringBuilder();
            }
            spill.append(buf, from, i - from);
        }
    }

    /** The rest of a quoted field after its opening quote, consuming the closing quote. */
    private String quotedField() throws IOException {
        StringBuilder spill = null;
        while (true) {
            if (pos == len && !fill()) {
                throw new MalformedCsvException(recordLine, "unterminated quoted field");
            }
            int from = pos;
            int i = from;
            while (i < len && buf[i] != '"') {
                if (buf[i] == '\n') {
                    line++;
                }
                i++;
            }
            charsRead += i - from;
            pos = i;
            if (i == len) {
                spill = spill == null ? new StringBuilder() : spill;
                spill.append(buf, from, i - from);
                continue;
            }
            if (i + 1 < len) {
                // the character after the quote is in the buffer: no refill can overwrite the run yet
                read();
                if (buf[pos] != '"') {
                    return spill == null ? new String(buf, from, i - from)
                            : spill.append(buf, from, i - from).toString();
                }
                read(); // a doubled quote is one quote character
                spill = spill == null ? new StringBuilder() : spill;
                spill.append(buf, from, i - from).append('"');
                continue;
            }
            spill = spill == null ? new StringBuilder() : spill;
            spill.append(buf, from, i - from);
            read(); // the quote, last in the buffer; peeking past it refills
            if (peek() != '"') {
                return spill.toString();
            }
            read();
            spill.append('"');
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
