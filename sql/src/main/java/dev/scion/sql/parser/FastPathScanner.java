package dev.scion.sql.parser;

import java.util.Locale;
import java.util.Set;

/**
 * A cursor over one statement's text for the hand-written recognisers of the fast paths (point selects, one-row
 * writes), which skip Calcite for the few shapes OLTP clients send most. It knows only what those shapes need:
 * whitespace, single-character symbols, keywords, plain or back-quoted identifiers, integers and simple
 * single-quoted strings. Anything more (comments, escapes, doubled quotes) makes a method answer null or false,
 * and the recogniser then leaves the statement to the full parser, which also reports every error.
 *
 * <p>Every method skips leading whitespace first. A method that does not match leaves the position where it was
 * (after that whitespace).
 */
public final class FastPathScanner {
    private final String s;
    private int pos;

    public FastPathScanner(String s, int start) {
        this.s = s;
        this.pos = start;
    }

    public int position() {
        return pos;
    }

    /** Skips whitespace and says whether there was any (a keyword must be followed by some). */
    public boolean space() {
        int start = pos;
        skipSpace();
        return pos > start;
    }

    public void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    /** The next character after whitespace, or 0 at the end. */
    public char peek() {
        skipSpace();
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    public boolean symbol(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** The keyword, case-insensitively, as a whole word. */
    public boolean keyword(String k) {
        skipSpace();
        if (s.regionMatches(true, pos, k, 0, k.length())) {
            int end = pos + k.length();
            if (end == s.length() || !isIdentChar(s.charAt(end))) {
                pos = end;
                return true;
            }
        }
        return false;
    }

    /**
     * A back-quoted name (without doubled back-quotes), or a plain one that does not start with a digit and is not
     * one of {@code reserved} (upper case); null otherwise.
     */
    public String identifier(Set<String> reserved) {
        skipSpace();
        if (pos >= s.length()) {
            return null;
        }
        if (s.charAt(pos) == '`') {
            int end = s.indexOf('`', pos + 1);
            if (end < 0 || end == pos + 1 || (end + 1 < s.length() && s.charAt(end + 1) == '`')) {
                return null; // doubled back-quotes inside a name: leave to the full parser
            }
            String name = s.substring(pos + 1, end);
            pos = end + 1;
            return name;
        }
        int start = pos;
        while (pos < s.length() && isIdentChar(s.charAt(pos))) {
            pos++;
        }
        if (pos == start || Character.isDigit(s.charAt(start))) {
            pos = start;
            return null;
        }
        String name = s.substring(start, pos);
        if (reserved.contains(name.toUpperCase(Locale.ROOT))) {
            pos = start;
            return null;
        }
        return name;
    }

    /**
     * A Long (an optionally negative integer of at most 18 digits, not followed by a name character or a dot) or a
     * String (single-quoted, no backslash, no doubled quote); null when the text here is neither.
     */
    public Object literal() {
        skipSpace();
        int start = pos;
        if (pos < s.length() && s.charAt(pos) == '\'') {
            int end = pos + 1;
            while (end < s.length() && s.charAt(end) != '\'' && s.charAt(end) != '\\') {
                end++;
            }
            if (end >= s.length() || s.charAt(end) != '\'' || (end + 1 < s.length() && s.charAt(end + 1) == '\'')) {
                return null; // escapes and quote doubling: leave to the full parser
            }
            pos = end + 1;
            return s.substring(start + 1, end);
        }
        if (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos == digits || pos - digits > 18 || (pos < s.length() && (isIdentChar(s.charAt(pos))
                || s.charAt(pos) == '.'))) {
            pos = start;
            return null;
        }
        return Long.parseLong(s.substring(start, pos));
    }

    /**
     * A prepared statement's parameter marker {@code ?}, not followed by a name character or a dot (where a bound
     * integer would not read as a literal either).
     */
    public boolean placeholder() {
        skipSpace();
        int next = pos + 1;
        if (pos < s.length() && s.charAt(pos) == '?'
                && (next == s.length() || !(isIdentChar(s.charAt(next)) || s.charAt(next) == '.'))) {
            pos = next;
            return true;
        }
        return false;
    }

    /** Whether the statement ends here, allowing one semicolon and trailing whitespace. */
    public boolean end() {
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ';') {
            pos++;
            skipSpace();
        }
        return pos == s.length();
    }

    public static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
