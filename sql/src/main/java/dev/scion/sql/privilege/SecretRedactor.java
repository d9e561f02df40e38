package dev.scion.sql.privilege;

import java.util.regex.Pattern;

/**
 * Hides the passwords in statement text before it is shown or logged (SHOW PROCESSLIST, query logs): the string
 * after IDENTIFIED BY / IDENTIFIED WITH plugin BY / AS, and after SET PASSWORD ... =, becomes {@code <secret>},
 * as MySQL rewrites it for its logs.
 */
public final class SecretRedactor {
    private static final Pattern HINT = Pattern.compile("(?i)IDENTIFIED|PASSWORD");
    private static final String QUOTED = "(?:'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\")";
    private static final Pattern SECRET = Pattern.compile("(?is)(\\bIDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?(?:BY|AS)\\s+"
            + "|\\bSET\\s+PASSWORD\\b[^=]*=\\s*)" + QUOTED);

    private SecretRedactor() {
    }

    public static String redact(String sql) {
        if (sql == null || !HINT.matcher(sql).find()) {
            return sql;
        }
        return SECRET.matcher(sql).replaceAll("$1<secret>");
    }
}
