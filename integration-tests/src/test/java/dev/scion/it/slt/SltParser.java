package dev.scion.it.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the sqllogictest format (shared/slt/README.md) into records. Records are separated by blank lines; {@code #}
 * lines are comments. {@code skipif}/{@code onlyif} lines in front of a record decide, for the engine name
 * {@value #ENGINE}, whether the record is kept: records meant for other engines are dropped here so that the runner
 * only sees what Scion must answer.
 */
final class SltParser {
    static final String ENGINE = "mysql";

    private SltParser() { }

    static List<SltRecord> parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<SltRecord> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String l = lines[i];
            if (l.isBlank() || l.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            boolean keep = true;
            // conditions: several may precede one record
            while (i < lines.length && (lines[i].startsWith("skipif") || lines[i].startsWith("onlyif")
                    || lines[i].startsWith("#"))) {
                if (lines[i].startsWith("#")) {
                    i++; // a comment between the conditions and the record
                    continue;
                }
                String[] w = words(lines[i]);
                String engine = w.length > 1 ? w[1].toLowerCase(Locale.ROOT) : "";
                if (w[0].equals("skipif") && engine.equals(ENGINE)) {
                    keep = false;
                }
                if (w[0].equals("onlyif") && !engine.equals(ENGINE)) {
                    keep = false;
                }
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            String head = lines[i];
            String[] w = words(head);
            i++;
            switch (w[0]) {
                case "statement" -> {
                    StringBuilder sql = new StringBuilder();
                    while (i < lines.length && !lines[i].isBlank()) {
                        append(sql, lines[i++]);
                    }
                    if (keep) {
                        out.add(new SltRecord.Statement(start, w.length > 1 && w[1].equals("error"), sql.toString()));
                    }
                }
                case "query" -> {
                    StringBuilder sql = new StringBuilder();
                    while (i < lines.length && !lines[i].isBlank() && !lines[i].equals("----")) {
                        append(sql, lines[i++]);
                    }
                    List<String> expected = new ArrayList<>();
                    if (i < lines.length && lines[i].equals("----")) {
                        i++;
                        while (i < lines.length && !lines[i].isEmpty()) {
                            expected.add(lines[i++]);
                        }
                    }
                    if (keep) {
                        String types = w.length > 1 ? w[1] : "";
                        SltRecord.SortMode sort = SltRecord.SortMode.NOSORT;
                        if (w.length > 2) {
                            sort = SltRecord.SortMode.valueOf(w[2].toUpperCase(Locale.ROOT));
                        }
                        String label = w.length > 3 ? w[3] : null;
                        out.add(new SltRecord.Query(start, types, sort, label, sql.toString(), expected));
                    }
                }
                case "hash-threshold" -> out.add(new SltRecord.HashThreshold(start, Integer.parseInt(w[1])));
                case "halt" -> {
                    if (keep) {
                        out.add(new SltRecord.Halt(start));
                    }
                }
                default -> throw new IllegalArgumentException("line " + (i) + ": unknown record '" + head + "'");
            }
        }
        return out;
    }

    private static void append(StringBuilder sql, String line) {
        if (sql.length() > 0) {
            sql.append('\n');
        }
        sql.append(line);
    }

    private static String[] words(String line) {
        return line.trim().split("\\s+");
    }
}
