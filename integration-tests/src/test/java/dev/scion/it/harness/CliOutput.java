package dev.scion.it.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for what the mariadb/mysql client prints. */
public final class CliOutput {
    private CliOutput() {}

    private static final Pattern BORDER = Pattern.compile("^\\+(-+\\+)+$");
    /** {@code ERROR 1146 (42S02) at line 3: Table 'mydb.nosuch' doesn't exist} (at line only in batch mode). */
    public static final Pattern ERROR = Pattern.compile("(?m)^ERROR (\\d+) \\(([0-9A-Z]{5})\\)(?: at line \\d+)?: (.*)$");
    /** {@code Query OK, 2 rows affected (0.001 sec)}. */
    public static final Pattern QUERY_OK = Pattern.compile("(?m)^Query OK, (\\d+) rows? affected");
    /** {@code 1 row in set (0.000 sec)}, {@code 3 rows in set}. */
    public static final Pattern ROWS_IN_SET = Pattern.compile("(?m)^(\\d+) rows? in set");
    public static final Pattern EMPTY_SET = Pattern.compile("(?m)^Empty set");
    private static final Pattern FIELD = Pattern.compile("^Field\\s+(\\d+):\\s+`(.*)`$");
    private static final Pattern FIELD_ATTR = Pattern.compile("^([A-Za-z_]+):\\s*(.*?)\\s*$");

    /** A table as the client draws it with -t or interactively. Cells are as printed (NULL for SQL NULL). */
    public record Table(List<String> columns, List<List<String>> rows) {
        public List<String> column(int index) {
            List<String> c = new ArrayList<>();
            for (List<String> r : rows) {
                c.add(r.get(index));
            }
            return c;
        }

        public List<String> column(String name) {
            int i = columns.indexOf(name);
            if (i < 0) {
                throw new AssertionError("no column " + name + " in " + columns);
            }
            return column(i);
        }
    }

    /** Every table drawn in the text, in order. */
    public static List<Table> tables(String text) {
        String[] lines = text.replace("\r", "").split("\n", -1);
        List<Table> tables = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (!BORDER.matcher(lines[i]).matches() || i + 2 >= lines.length
                    || !lines[i + 2].equals(lines[i]) || !lines[i + 1].startsWith("|")) {
                i++;
                continue;
            }
            String border = lines[i];
            List<int[]> cols = columnRanges(border);
            List<String> header = cells(lines[i + 1], cols);
            List<List<String>> rows = new ArrayList<>();
            int j = i + 3;
            while (j < lines.length && !lines[j].equals(border)) {
                if (!lines[j].startsWith("|")) {
                    break;
                }
                rows.add(cells(lines[j], cols));
                j++;
            }
            tables.add(new Table(header, rows));
            i = j + 1;
        }
        return tables;
    }

    private static List<int[]> columnRanges(String border) {
        List<int[]> cols = new ArrayList<>();
        int start = 1;
        for (int k = 1; k < border.length(); k++) {
            if (border.charAt(k) == '+') {
                cols.add(new int[] {start, k});
                start = k + 1;
            }
        }
        return cols;
    }

    private static List<String> cells(String line, List<int[]> cols) {
        List<String> cells = new ArrayList<>();
        for (int[] c : cols) {
            int from = Math.min(c[0], line.length());
            int to = Math.min(c[1], line.length());
            String cell = line.substring(from, to);
            // one space of padding on each side; values are left- or right-aligned inside
            cells.add(cell.strip());
        }
        return cells;
    }

    /** The first ERROR line, or null. */
    public static Matcher error(String text) {
        Matcher m = ERROR.matcher(text.replace("\r", ""));
        return m.find() ? m : null;
    }

    /** Affected rows from the first "Query OK" line, or null. */
    public static Long queryOkCount(String text) {
        Matcher m = QUERY_OK.matcher(text.replace("\r", ""));
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    /** Field metadata printed by {@code --column-type-info}: one map (Field, Type, Length, Flags, ...) per column. */
    public static List<Map<String, String>> columnTypeInfo(String text) {
        List<Map<String, String>> fields = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : text.replace("\r", "").split("\n")) {
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                current = new LinkedHashMap<>();
                current.put("Field", f.group(2));
                fields.add(current);
                continue;
            }
            if (current != null) {
                Matcher a = FIELD_ATTR.matcher(line);
                if (a.matches()) {
                    String v = a.group(2);
                    if (v.startsWith("`") && v.endsWith("`") && v.length() >= 2) {
                        v = v.substring(1, v.length() - 1);
                    }
                    current.put(a.group(1), v);
                } else if (line.isBlank()) {
                    current = null;
                }
            }
        }
        return fields;
    }
}
