package dev.scion.sql.trigger;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.expr.Values;
import dev.scion.sql.frontend.SqlScanner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Finds {@code NEW.col} and {@code OLD.col} in a trigger statement's text (outside strings and comments) and
 * replaces them by the row's values as SQL literals. A trigger statement is ordinary SQL once its row references
 * are values, so it runs through the normal statement path.
 */
final class RowReferences {
    private RowReferences() {
    }

    /** A reference: which row ({@code NEW} or {@code OLD}, upper-case) and the column as written. */
    record Ref(String row, String column) {
    }

    /**
     * The text with every reference replaced by {@code valueOf(ref)} rendered as a literal. {@code valueOf} may
     * throw (unknown column, no such row).
     */
    static String substitute(String sql, BiFunction<Ref, Integer, Object> valueOf) {
        return SqlScanner.rewriteWords(sql, (text, start, end, out) -> {
            if (end - start != 3 || !startsReference(text, start)) {
                return -1;
            }
            String word = text.substring(start, end).toUpperCase(Locale.ROOT);
            if (!word.equals("NEW") && !word.equals("OLD")) {
                return -1;
            }
            int dot = SqlScanner.skipSpace(text, end);
            if (dot >= text.length() || text.charAt(dot) != '.') {
                return -1;
            }
            int colStart = SqlScanner.skipSpace(text, dot + 1);
            int colEnd = identifierEnd(text, colStart);
            if (colEnd == colStart) {
                return -1;
            }
            Ref ref = new Ref(word, Identifiers.unquote(text.substring(colStart, colEnd)));
            out.append(dev.scion.sql.routine.SqlLiterals.literal(valueOf.apply(ref, start)));
            return colEnd;
        });
    }

    /** NEW / OLD name a row unless qualified ({@code t.new}) or a variable ({@code @new}). */
    private static boolean startsReference(String sql, int i) {
        if (i == 0) {
            return true;
        }
        char p = sql.charAt(i - 1);
        return p != '.' && p != '@';
    }

    private static int identifierEnd(String sql, int i) {
        if (i >= sql.length()) {
            return i;
        }
        if (sql.charAt(i) == '`') {
            return SqlScanner.skipQuoted(sql, i);
        }
        int j = i;
        while (j < sql.length() && SqlScanner.isIdentifierChar(sql.charAt(j))) {
            j++;
        }
        return j;
    }
}
