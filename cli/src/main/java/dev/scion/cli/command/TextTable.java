package dev.scion.cli.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A boxed text table as the mysql client prints one. */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = header;
    }

    void add(List<String> row) {
        rows.add(row);
    }

    int size() {
        return rows.size();
    }

    void print(PrintStream out) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sep = new StringBuilder();
        for (int x : w) {
            sep.append('+').append("-".repeat(x + 2));
        }
        sep.append('+');
        out.println(sep);
        out.println(line(header, w));
        out.println(sep);
        for (List<String> r : rows) {
            out.println(line(r, w));
        }
        out.println(sep);
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            sb.append("| ").append(c).append(" ".repeat(w[i] - c.length())).append(' ');
        }
        return sb.append('|').toString();
    }
}
