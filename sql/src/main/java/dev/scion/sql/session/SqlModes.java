package dev.scion.sql.session;

import java.util.Locale;

/**
 * Reads the session's sql_mode for the modes that change how statement text is read: ANSI_QUOTES (a double-quoted
 * word is an identifier) and PIPES_AS_CONCAT ({@code ||} concatenates). The combined mode ANSI implies both, as in
 * MySQL, whether or not the stored value was expanded.
 */
public final class SqlModes {
    private SqlModes() {
    }

    public static boolean ansiQuotes(Session session) {
        return has(session.variable("sql_mode"), "ANSI_QUOTES");
    }

    /** Whether the recorded sql_mode {@code modes} (a routine's) has ANSI_QUOTES. */
    public static boolean ansiQuotes(String modes) {
        return has(modes, "ANSI_QUOTES");
    }

    public static boolean pipesAsConcat(Session session) {
        return has(session.variable("sql_mode"), "PIPES_AS_CONCAT");
    }

    /** HIGH_NOT_PRECEDENCE: prefix NOT ranks with {@code !}, above the comparisons and BETWEEN. */
    public static boolean highNotPrecedence(Session session) {
        return named(session, "HIGH_NOT_PRECEDENCE");
    }

    /** PAD_CHAR_TO_FULL_LENGTH: a CHAR(n) column reads back padded with spaces to n characters. */
    public static boolean padCharToFullLength(Session session) {
        return named(session, "PAD_CHAR_TO_FULL_LENGTH");
    }

    /** NO_UNSIGNED_SUBTRACTION: a difference with an unsigned operand is signed (by default it is unsigned). */
    public static boolean noUnsignedSubtraction(Session session) {
        return named(session, "NO_UNSIGNED_SUBTRACTION");
    }

    /** NO_BACKSLASH_ESCAPES: a backslash in a string is an ordinary character, and LIKE has no default escape. */
    public static boolean noBackslashEscapes(Session session) {
        return named(session, "NO_BACKSLASH_ESCAPES");
    }

    /** REAL_AS_FLOAT: a column declared REAL is FLOAT (by default it is DOUBLE). */
    public static boolean realAsFloat(Session session) {
        return named(session, "REAL_AS_FLOAT");
    }

    /** Whether the session's sql_mode names {@code mode} itself (no combined mode implies it). */
    private static boolean named(Session session, String mode) {
        Object modes = session.variable("sql_mode");
        if (modes == null || !containsIgnoreCase(modes.toString(), mode)) {
            return false;
        }
        for (String part : modes.toString().split(",")) {
            if (part.strip().equalsIgnoreCase(mode)) {
                return true;
            }
        }
        return false;
    }

    /** NO_ZERO_DATE (named, or implied by TRADITIONAL): whether a write may store '0000-00-00'. */
    public static boolean noZeroDate(Session session) {
        Object modes = session.variable("sql_mode");
        if (modes == null || !containsIgnoreCase(modes.toString(), "NO_ZERO_DATE")
                && !containsIgnoreCase(modes.toString(), "TRADITIONAL")) {
            return false;
        }
        for (String part : modes.toString().split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.equals("NO_ZERO_DATE") || name.equals("TRADITIONAL")) {
                return true;
            }
        }
        return false;
    }

    /** ERROR_FOR_DIVISION_BY_ZERO (named, or implied by TRADITIONAL): a division by zero is reported. */
    public static boolean errorForDivisionByZero(Session session) {
        Object modes = session.variable("sql_mode");
        return modes != null && (containsIgnoreCase(modes.toString(), "ERROR_FOR_DIVISION_BY_ZERO")
                || containsIgnoreCase(modes.toString(), "TRADITIONAL"));
    }

    /** TIME_TRUNCATE_FRACTIONAL: a stored fraction finer than the column's is cut instead of rounded. */
    public static boolean truncatesFractions(Session session) {
        Object modes = session.variable("sql_mode");
        return modes != null && answers(modes.toString()).truncatesFractions();
    }

    /** NO_AUTO_VALUE_ON_ZERO: only NULL (or no value) takes the next AUTO_INCREMENT id; 0 is stored as 0. */
    public static boolean noAutoValueOnZero(Session session) {
        Object modes = session.variable("sql_mode");
        return modes != null && answers(modes.toString()).noAutoValueOnZero();
    }

    /**
     * The answers for the last sql_mode text asked about: every statement asks twice, a write once more per column
     * it stores, and the text rarely changes.
     */
    private record Answers(String text, boolean ansiQuotes, boolean pipesAsConcat, boolean truncatesFractions,
                           boolean noAutoValueOnZero) {
    }

    private static volatile Answers last = new Answers("", false, false, false, false);

    private static Answers answers(String text) {
        Answers known = last;
        if (known.text() != text && !known.text().equals(text)) {
            known = new Answers(text, scan(text, "ANSI_QUOTES"), scan(text, "PIPES_AS_CONCAT"),
                    containsIgnoreCase(text, "TIME_TRUNCATE_FRACTIONAL"),
                    containsIgnoreCase(text, "NO_AUTO_VALUE_ON_ZERO"));
            last = known;
        }
        return known;
    }

    /** Whether the comma-separated {@code modes} name {@code mode} or ANSI, which implies it. */
    static boolean has(Object modes, String mode) {
        if (modes == null) {
            return false;
        }
        String text = modes.toString();
        boolean quotes = mode.equals("ANSI_QUOTES");
        if (quotes || mode.equals("PIPES_AS_CONCAT")) {
            Answers known = answers(text);
            return quotes ? known.ansiQuotes() : known.pipesAsConcat();
        }
        return scan(text, mode);
    }

    private static boolean scan(String text, String mode) {
        if (!containsIgnoreCase(text, "ANSI") && !containsIgnoreCase(text, mode)) {
            return false; // the usual case, read on every statement: no split, no copies
        }
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.equals(mode) || name.equals("ANSI")) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
