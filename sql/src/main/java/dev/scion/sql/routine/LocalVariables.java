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
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if ((c == '\'' || c == '"' || c == '`')) {
                int e = SqlScanner.skipQuoted(sql, i);
                out.append(sql, i, e);
                i = e;
                continue;
            }
            if ((Character.isLetter(c) || c == '_') && (i == 0 || !identChar(sql.charAt(i - 1)))) {
                int e = i;
                while (e < n && identChar(sql.charAt(e))) {
                    e++;
                }
                String word = sql.substring(i, e);
                char before = previousNonSpace(sql, i);
                char after = nextNonSpace(sql, e);
                if (locals.containsKey(word) && before != '.' && before != '@' && after != '(' && after != '.') {
                    out.append(SqlLiterals.literal(locals.get(word)));
                } else {
                    out.append(word);
                }
                i = e;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean identChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
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
