package dev.scion.sql.admin;

/** Quoting helpers for names and strings written by clients. */
public final class Identifiers {
    private Identifiers() {
    }

    public static String unquote(String s) {
        if (s == null) {
            return null;
        }
        s = s.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            return s.substring(1, s.length() - 1).replace("``", "`");
        }
        if (s.length() >= 2 && (s.startsWith("'") || s.startsWith("\"")) && s.charAt(s.length() - 1) == s.charAt(0)) {
            return unquoteString(s);
        }
        return s;
    }

    public static String unquoteString(String s) {
        char q = s.charAt(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'Z' -> sb.append('\032');
                    case 'b' -> sb.append('\b');
                    case '%', '_' -> sb.append('\\').append(n);
                    default -> sb.append(n);
                }
            } else if (c == q && i + 1 < s.length() - 1 && s.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** SQL LIKE pattern to regex, case-insensitive. */
    public static java.util.regex.Pattern likePattern(String like) {
        return dev.scion.sql.expr.Like.toRegex(like);
    }
}
