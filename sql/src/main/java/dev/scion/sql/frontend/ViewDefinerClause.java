package dev.scion.sql.frontend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops {@code DEFINER = user} and {@code SQL SECURITY {DEFINER | INVOKER}} from CREATE VIEW before parsing.
 * mysqldump writes both for every view; Scion has a single privilege level, so a view runs the same whoever
 * defined it, and the grammar does not need to know the clauses.
 */
public final class ViewDefinerClause {
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "^(CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:ALGORITHM\\s*=\\s*\\w+\\s+)?)"
                    + "(?:DEFINER\\s*=\\s*(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|\\w+)(?:\\s*@\\s*(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[\\w.%-]+))?\\s+)?"
                    + "(?:SQL\\s+SECURITY\\s+(?:DEFINER|INVOKER)\\s+)?(VIEW\\b)",
            Pattern.CASE_INSENSITIVE);

    private ViewDefinerClause() {
    }

    public static String strip(String sql) {
        if (sql.length() < 6 || !sql.regionMatches(true, 0, "CREATE", 0, 6)) {
            return sql;
        }
        Matcher m = CREATE_VIEW.matcher(sql);
        if (!m.find()) {
            return sql;
        }
        return m.group(1) + m.group(2) + sql.substring(m.end());
    }
}
