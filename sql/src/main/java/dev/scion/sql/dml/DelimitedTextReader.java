package dev.scion.sql.dml;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits LOAD DATA input into rows of fields the way MySQL reads it: fields end at the field terminator,
 * rows at the line terminator (after an optional line prefix), an escape character makes the next character
 * literal ({@code \0 \b \n \r \t \Z} are control characters, a field that is exactly {@code \N} is NULL), and a
 * field that starts with the enclosing character runs to the next enclosing character that is followed by a
 * terminator (a doubled enclosing character inside stands for one). With an enclosing character set, an
 * unenclosed field {@code NULL} is NULL too.
 */
final class DelimitedTextReader {

    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final String fieldTerminator;
    private final char enclose;
    private final char escape;
    private final String lineStarter;
    private final String lineTerminator;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;

    DelimitedTextReader(Reader in, LoadDataStatement s) {
        this.in = in;
        this.fieldTerminator = s.fieldTerminator();
        this.enclose = s.enclosedBy().isEmpty() ? 0 : s.enclosedBy().charAt(0);
        this.escape = s.escapedBy().isEmpty() ? 0 : s.escapedBy().charAt(0);
        this.lineStarter = s.lineStarter();
        this.lineTerminator = s.lineTerminator();
    }

    /** The next row's fields (null elements are SQL NULL), or null at the end of the input. */
    List<String> next() throws IOException {
        while (true) {
            if (!available(1)) {
                return null;
            }
            if (lineStarter.isEmpty() || skipToLineStarter()) {
                break;
            }
        }
        List<String> fields = new ArrayList<>();
        while (true) {
            FieldEnd end = readField(fields);
            if (end != FieldEnd.FIELD) {
                return fields;
            }
        }
    }

    /**
     * Skips one line for IGNORE n LINES: up to and past the next line terminator (an escaped character does not end
     * it), whether or not the line has the line prefix; false at the end of the input.
     */
    boolean skipLine() throws IOException {
        if (!available(1)) {
            return false;
        }
        while (available(1)) {
            if (startsWith(lineTerminator)) {
                pos += lineTerminator.length();
                return true;
            }
            pos += buf[pos] == escape && escape != 0 && available(2) ? 2 : 1;
        }
        return true;
    }

    private enum FieldEnd { FIELD, LINE }

    /** Reads one field into {@code fields}; tells what ended it (the end of the input ends the line). */
    private FieldEnd readField(List<String> fields) throws IOException {
        StringBuilder value = new StringBuilder();
        boolean enclosed = enclose != 0 && available(1) && buf[pos] == enclose;
        boolean escapedAny = false;
        if (enclosed) {
            pos++;
            boolean escapedN = false;
            while (true) {
                if (!available(1)) {
                    // the input ends inside the field: MySQL keeps what it read, opening character included
                    fields.add(enclose + value.toString());
                    return FieldEnd.LINE;
                }
                char ch = buf[pos++];
                if (ch == escape && escape != 0) {
                    if (!available(1)) {
                        value.append(escape);
                        continue;
                    }
                    char n = buf[pos];
                    // with the same character for both, only a doubled one is an escape; a single one may close
                    if (escape != enclose || n == escape) {
                        pos++;
                        escapedN |= n == 'N';
                        value.append(unescape(n));
                        continue;
                    }
                } else if (ch != enclose) {
                    value.append(ch);
                    continue;
                }
                if (available(1) && buf[pos] == enclose) {
                    value.append(enclose); // a doubled enclosing character stands for one
                    pos++;
                } else if (startsWith(fieldTerminator)) {
                    pos += fieldTerminator.length();
                    fields.add(escapedN && value.toString().equals("N") ? null : value.toString());
                    return FieldEnd.FIELD;
                } else if (startsWith(lineTerminator) || !available(1)) {
                    pos += Math.min(lineTerminator.length(), limit - pos);
                    fields.add(escapedN && value.toString().equals("N") ? null : value.toString());
                    return FieldEnd.LINE;
                } else {
                    value.append(enclose); // a lone enclosing character inside: keep it
                }
            }
        }
        while (true) {
            if (!available(1)) {
                fields.add(finish(value, escapedAny));
                return FieldEnd.LINE;
            }
            if (startsWith(fieldTerminator)) {
                pos += fieldTerminator.length();
                fields.add(finish(value, escapedAny));
                return FieldEnd.FIELD;
            }
            if (startsWith(lineTerminator)) {
                pos += lineTerminator.length();
                fields.add(finish(value, escapedAny));
                return FieldEnd.LINE;
            }
            char ch = buf[pos];
            if (ch == escape && escape != 0 && available(2)) {
                pos++;
                char n = buf[pos++];
                if (n == 'N' && value.isEmpty() && atFieldEnd()) {
                    fields.add(null);
                    return consumeTerminator();
                }
                value.append(unescape(n));
                escapedAny = true;
            } else {
                value.append(ch);
                pos++;
            }
        }
    }

    private String finish(StringBuilder value, boolean escapedAny) {
        String s = value.toString();
        if (enclose != 0 && !escapedAny && s.equals("NULL")) {
            return null;
        }
        return s;
    }

    private boolean atFieldEnd() throws IOException {
        return !available(1) || startsWith(fieldTerminator) || startsWith(lineTerminator);
    }

    private FieldEnd consumeTerminator() throws IOException {
        if (startsWith(fieldTerminator)) {
            pos += fieldTerminator.length();
            return FieldEnd.FIELD;
        }
        if (startsWith(lineTerminator)) {
            pos += lineTerminator.length();
        }
        return FieldEnd.LINE;
    }

    private static char unescape(char c) {
        return switch (c) {
            case '0' -> '\0';
            case 'b' -> '\b';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'Z' -> '\032';
            default -> c;
        };
    }

    /** Skips to just after the next line prefix; false if the input ends first. */
    private boolean skipToLineStarter() throws IOException {
        while (available(1)) {
            if (startsWith(lineStarter)) {
                pos += lineStarter.length();
                return true;
            }
            pos++;
        }
        return false;
    }

    private boolean startsWith(String s) throws IOException {
        if (!available(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Makes at least {@code n} characters readable at {@code pos} if the input has them. */
    private boolean available(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < n && !eof) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return limit - pos >= n;
    }
}
