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

    /** Whether the comma-separated {@code modes} name {@code mode} or ANSI, which implies it. */
    static boolean has(Object modes, String mode) {
        if (modes == null) {
            return false;
        }
        String text = modes.toString();
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
