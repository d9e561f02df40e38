package dev.scion.sql.dml;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import dev.scion.sql.parser.MySqlParser;
import dev.scion.sql.plan.VariableRewriter;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code LOAD DATA [LOCAL] INFILE 'file' [REPLACE | IGNORE] INTO TABLE t [CHARACTER SET cs] [FIELDS ...]
 * [LINES ...] [IGNORE n LINES] [(col_or_@var, ...)] [SET col = expr, ...]}. Clauses Scion does not carry out
 * (PARTITION, fixed-width rows) are refused with 1235 rather than ignored.
 */
record LoadDataStatement(boolean local, String fileName, Duplicates duplicates, String database, String table,
                         String fieldTerminator, String enclosedBy, boolean optionallyEnclosed, String escapedBy,
                         String lineStarter, String lineTerminator, long ignoreLines, List<Input> inputs,
                         List<Assignment> assignments, Charset charset) {

    /** What a row whose key is already in the table does. */
    enum Duplicates { ERROR, REPLACE, IGNORE }

    /** One entry of the column list: the field goes to a column, or (with {@code @name}) to a user variable. */
    record Input(String column, String variable) {
        boolean isVariable() {
            return variable != null;
        }
    }

    /** {@code col = expr} of the SET clause; the expression may read user variables and the row's columns. */
    record Assignment(String column, SqlNode value) {
    }

    private static final Pattern START = Pattern.compile(
            "LOAD\\s+DATA\\s+(?:(?:LOW_PRIORITY|CONCURRENT)\\s+)?(LOCAL\\s+)?INFILE\\s+", Pattern.CASE_INSENSITIVE);
    private static final String STRING = "('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\")";
    private static final String NAME = "(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)";

    static boolean matches(String sql) {
        return START.matcher(sql).lookingAt();
    }

    static LoadDataStatement parse(String sql) {
        Cursor c = new Cursor(sql.strip().replaceAll(";\\s*$", ""));
        Matcher start = c.expect(START, "LOAD DATA [LOCAL] INFILE");
        boolean local = start.group(1) != null;
        String file = Identifiers.unquoteString(c.expect(Pattern.compile(STRING), "a file name").group(1));
        Duplicates duplicates = Duplicates.ERROR;
        Matcher dup = c.accept("(REPLACE|IGNORE)\\b");
        if (dup != null) {
            duplicates = dup.group(1).equalsIgnoreCase("REPLACE") ? Duplicates.REPLACE : Duplicates.IGNORE;
        }
        c.expect(Pattern.compile("INTO\\s+TABLE\\s+", Pattern.CASE_INSENSITIVE), "INTO TABLE");
        Matcher name = c.expect(Pattern.compile(NAME + "(?:\\s*\\.\\s*" + NAME + ")?"), "a table name");
        String database = name.group(2) == null ? null : Identifiers.unquote(name.group(1));
        String table = Identifiers.unquote(name.group(2) == null ? name.group(1) : name.group(2));
        if (c.accept("PARTITION\\b") != null) {
            throw unsupported("PARTITION in LOAD DATA");
        }
        Charset charset = StandardCharsets.UTF_8;
        Matcher cs = c.accept("(?:CHARACTER\\s+SET|CHARSET)\\s+(?:" + STRING + "|" + NAME + ")");
        if (cs != null) {
            charset = fileCharset(cs.group(1) != null ? Identifiers.unquoteString(cs.group(1))
                    : Identifiers.unquote(cs.group(2)));
        }
        String fieldTerminator = "\t";
        String enclosedBy = "";
        boolean optionally = false;
        String escapedBy = "\\";
        if (c.accept("(?:FIELDS|COLUMNS)\\b") != null) {
            boolean any = false;
            while (true) {
                Matcher m;
                if ((m = c.accept("TERMINATED\\s+BY\\s+" + STRING)) != null) {
                    fieldTerminator = Identifiers.unquoteString(m.group(1));
                } else if ((m = c.accept("(OPTIONALLY\\s+)?ENCLOSED\\s+BY\\s+" + STRING)) != null) {
                    optionally = m.group(1) != null;
                    enclosedBy = Identifiers.unquoteString(m.group(2));
                } else if ((m = c.accept("ESCAPED\\s+BY\\s+" + STRING)) != null) {
                    escapedBy = Identifiers.unquoteString(m.group(1));
                } else {
                    break;
                }
                any = true;
            }
            if (!any) {
                throw c.syntaxError();
            }
        }
        String lineStarter = "";
        String lineTerminator = "\n";
        if (c.accept("LINES\\b") != null) {
            boolean any = false;
            while (true) {
                Matcher m;
                if ((m = c.accept("STARTING\\s+BY\\s+" + STRING)) != null) {
                    lineStarter = Identifiers.unquoteString(m.group(1));
                } else if ((m = c.accept("TERMINATED\\s+BY\\s+" + STRING)) != null) {
                    lineTerminator = Identifiers.unquoteString(m.group(1));
                } else {
                    break;
                }
                any = true;
            }
            if (!any) {
                throw c.syntaxError();
            }
        }
        long ignore = 0;
        Matcher ig = c.accept("IGNORE\\s+(\\d+)\\s+(?:LINES|ROWS)\\b");
        if (ig != null) {
            ignore = Long.parseLong(ig.group(1));
        }
        List<Input> inputs = new ArrayList<>();
        if (c.accept("\\(") != null && c.accept("\\)") == null) {
            do {
                Matcher variable = c.accept(Pattern.compile("@(?:" + STRING + "|" + NAME + ")"));
                if (variable != null) {
                    inputs.add(new Input(null, variable.group(1) != null
                            ? Identifiers.unquoteString(variable.group(1)) : Identifiers.unquote(variable.group(2))));
                } else {
                    inputs.add(new Input(Identifiers.unquote(c.expect(Pattern.compile(NAME), "a column name")
                            .group(1)), null));
                }
            } while (c.accept(",") != null);
            c.expect(Pattern.compile("\\)"), ")");
        }
        List<Assignment> assignments = List.of();
        if (c.accept("SET\\b") != null) {
            assignments = assignments(c.rest(), c);
        } else if (!c.atEnd()) {
            throw c.syntaxError();
        }
        if (enclosedBy.length() > 1 || escapedBy.length() > 1) {
            throw new SqlError(ErrorCode.WRONG_FIELD_TERMINATORS, "Field separator argument is not what is expected; "
                    + "check the manual");
        }
        if (fieldTerminator.isEmpty() || lineTerminator.isEmpty()) {
            throw unsupported("empty FIELDS or LINES TERMINATED BY (fixed-width rows)");
        }
        return new LoadDataStatement(local, file, duplicates, database, table, fieldTerminator, enclosedBy, optionally,
                escapedBy, lineStarter, lineTerminator, ignore, List.copyOf(inputs), assignments, charset);
    }

    /**
     * Parses {@code col = expr, ...} as a select list: each item is then an equality whose left side names the
     * column, which is how the SQL parser reads the assignment's text.
     */
    private static List<Assignment> assignments(String text, Cursor c) {
        SqlNode parsed;
        try {
            // user variables become identifiers the planner reads their values into (VariableInliner)
            parsed = MySqlParser.parseStatement(VariableRewriter.rewrite("SELECT " + text));
        } catch (SqlParseException e) {
            throw c.syntaxError();
        }
        if (!(parsed instanceof SqlSelect select) || select.getFrom() != null) {
            throw c.syntaxError();
        }
        List<Assignment> out = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            if (item.getKind() != SqlKind.EQUALS || !(((SqlCall) item).operand(0) instanceof SqlIdentifier id)) {
                throw c.syntaxError();
            }
            out.add(new Assignment(id.names.get(id.names.size() - 1), ((SqlCall) item).operand(1)));
        }
        return List.copyOf(out);
    }

    /**
     * How the file's bytes are read for {@code CHARACTER SET name}: MySQL's latin1 is Windows-1252; binary is read as
     * UTF-8 like the default, since every text column Scion stores is utf8mb4.
     */
    private static Charset fileCharset(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "utf8", "utf8mb3", "utf8mb4", "binary", "default" -> StandardCharsets.UTF_8;
            case "latin1" -> Charset.forName("windows-1252");
            case "ascii" -> StandardCharsets.US_ASCII;
            case "ucs2", "utf16" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32BE");
            default -> throw new SqlError(ErrorCode.UNKNOWN_CHARACTER_SET, "Unknown character set: '" + name + "'");
        };
    }

    private static SqlError unsupported(String what) {
        return new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support '" + what + "'");
    }

    /** Reads the statement clause by clause, skipping white space between them. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        Matcher accept(String regex) {
            return accept(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
        }

        Matcher accept(Pattern pattern) {
            skipSpace();
            Matcher m = pattern.matcher(text).region(pos, text.length());
            if (!m.lookingAt()) {
                return null;
            }
            pos = m.end();
            return m;
        }

        Matcher expect(Pattern pattern, String what) {
            Matcher m = accept(pattern);
            if (m == null) {
                throw syntaxError();
            }
            return m;
        }

        /** The text not read yet. */
        String rest() {
            skipSpace();
            String r = text.substring(pos);
            pos = text.length();
            return r;
        }

        boolean atEnd() {
            skipSpace();
            return pos >= text.length();
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        SqlError syntaxError() {
            String near = text.substring(Math.min(pos, text.length()));
            return new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual that "
                    + "corresponds to your MySQL server version for the right syntax to use near '"
                    + (near.length() > 80 ? near.substring(0, 80) : near) + "' at line 1");
        }
    }
}
