package dev.scion.sql.plan.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's text split into its literals and the rest (the skeleton), by one cheap scan: the key of the plan cache's
 * text level, looked up before the statement is parsed. Two statements that differ only in their literals have the
 * same skeleton; which of those literals are plan parameters and which are part of the plan is recorded with the
 * entry ({@link TextEntry}), from the parsed statement the first time.
 *
 * <p>Only plain text is shaped: no variables ({@code @}), parameters ({@code ?}), comments, double-quoted strings or
 * backslash escapes, whose treatment the parser and its rewriters own, and no control character but the line feed
 * (sysbench's {@code select_random_ranges} spreads its statement over lines; a tab or carriage return would make the
 * parser's columns differ from character counts). Anything else yields null and takes the parsing path.
 */
public final class TextShape {
    /** Stands for one literal in the skeleton (never part of a plain statement's text, see {@link #of}). */
    static final char MARK = '\u0001';

    /**
     * One literal: where it starts in the text (1-based line and column, as the parser reports positions), its
     * text, and its value when it can be a parameter.
     */
    record Literal(int line, int column, String raw, Object value) {
    }

    private final String skeleton;
    private final List<Literal> literals;

    private TextShape(String skeleton, List<Literal> literals) {
        this.skeleton = skeleton;
        this.literals = literals;
    }

    public String skeleton() {
        return skeleton;
    }

    List<Literal> literals() {
        return literals;
    }

    /** The shape of {@code text}, or null when it is not plain enough to be matched without parsing. */
    public static TextShape of(String text) {
        return scan(text, false);
    }

    /**
     * The shape a prepared statement's text takes once each of its {@code ?} is bound to a non-negative integer or a
     * plain string ({@link PreparedShape}): each {@code ?} is a literal whose {@code raw} is null and whose
     * {@code value} is the parameter's index. Null when the text is not plain, or when a bound value could run into
     * its neighbours (a {@code ?} next to a word character, a dot or a quote).
     */
    static TextShape ofTemplate(String template) {
        return scan(template, true);
    }

    private static TextShape scan(String text, boolean template) {
        int n = text.length();
        int parameters = 0;
        StringBuilder skeleton = new StringBuilder(n);
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                skeleton.append(c);
                i++;
                line++;
                lineStart = i;
                continue;
            }
            if (c == '?' && template) {
                if ((i > 0 && standsNextTo(text.charAt(i - 1))) || (i + 1 < n && standsNextTo(text.charAt(i + 1)))) {
                    return null;
                }
                literals.add(new Literal(line, i - lineStart + 1, null, parameters++));
                skeleton.append(MARK);
                i++;
                continue;
            }
            if (c < ' ' || c == '@' || c == '?' || c == '"' || c == '#' || c == '\\' || c == MARK
                    || (c == '-' && i + 1 < n && text.charAt(i + 1) == '-')
                    || (c == '/' && i + 1 < n && text.charAt(i + 1) == '*')) {
                return null;
            }
            if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end < 0) {
                    return null;
                }
                skeleton.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        return null;
                    }
                    char d = text.charAt(j);
                    if (d == '\\') {
                        return null;
                    }
                    if (d == '\'') {
                        if (j + 1 < n && text.charAt(j + 1) == '\'') {
                            value.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    value.append(d);
                    j++;
                }
                if (i > 0 && isWordChar(text.charAt(i - 1))) {
                    return null; // an introducer (_binary'..') or x'..': not a plain string
                }
                literals.add(new Literal(line, i - lineStart + 1, text.substring(i, j + 1), value.toString()));
                skeleton.append(MARK);
                i = j + 1;
            } else if (c >= '0' && c <= '9' && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                // the value is read as the digits are scanned: most literals of a statement are plain integers
                int j = i;
                long value = 0;
                boolean integer = true;
                while (j < n && (isWordChar(text.charAt(j)) || text.charAt(j) == '.')) {
                    char d = text.charAt(j);
                    integer &= d >= '0' && d <= '9' && j - i < 18;
                    value = value * 10 + (d - '0');
                    j++;
                }
                literals.add(new Literal(line, i - lineStart + 1, text.substring(i, j), integer ? (Long) value : null));
                skeleton.append(MARK);
                i = j;
            } else {
                skeleton.append(c);
                i++;
            }
        }
        return new TextShape(skeleton.toString(), literals);
    }

    /** Whether a literal put next to {@code c} would not be one literal of its own. */
    private static boolean standsNextTo(char c) {
        return isWordChar(c) || c == '.' || c == '\'' || c == '?';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
