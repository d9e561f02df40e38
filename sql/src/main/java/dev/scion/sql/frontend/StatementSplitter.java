package dev.scion.sql.frontend;

import java.util.ArrayList;
import java.util.List;

/** Splits a COM_QUERY text into statements at semicolons outside strings, identifiers and comments. */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    public static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        int n = sql.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (SqlScanner.isQuote(c)) {
                i = SqlScanner.skipQuoted(sql, i);
                continue;
            }
            int after = SqlScanner.skipComment(sql, i);
            if (after >= 0) {
                i = after;
                continue;
            }
            if (c == ';') {
                add(out, sql.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        add(out, sql.substring(start));
        return out;
    }

    private static void add(List<String> out, String stmt) {
        if (!Preprocessor.stripComments(stmt).isBlank()) {
            out.add(stmt);
        }
    }
}
