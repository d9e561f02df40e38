package dev.scion.sql.routine;

import dev.scion.sql.frontend.SqlScanner;

import java.util.Map;

/**
 * Replaces a trigger's local variables (DECLAREd in its body) by their values as SQL literals, as
 * {@link RowReferences} does for NEW/OLD. A bare word naming a local is the local, even where a column of the
 * same name exists (MySQL gives locals precedence too); a word after '.' or '@', before '(' or '.', or quoted is
 * left alone.
 */
public final class LocalVariables {
    private LocalVariables() {
    }

    public static String substitute(String sql, Map<String, Object> locals) {
        return SqlScanner.rewriteWords(sql, (text, start, end, out) -> {
            String word = text.substring(start, end);
            char before = previousNonSpace(text, start);
            char after = nextNonSpace(text, end);
            if (!locals.containsKey(word) || before == '.' || before == '@' || after == '(' || after == '.') {
                return -1;
            }
            out.append(SqlLiterals.literal(locals.get(word)));
            return end;
        });
    }

    private static char previousNonSpace(String s, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
            j--;
        }
        return j < 0 ? ' ' : s.charAt(j);
    }

    private static char nextNonSpace(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j >= s.length() ? ' ' : s.charAt(j);
    }
}
