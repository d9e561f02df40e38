package dev.scion.sql.frontend;

import dev.scion.sql.parser.ddl.SqlCreateMySqlView;
import org.apache.calcite.sql.SqlNode;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code DEFINER = user} and {@code SQL SECURITY {DEFINER | INVOKER}} clauses of CREATE VIEW, which the grammar
 * does not know: {@link #strip} removes them before parsing (a stored definition too), {@link #of} reads them.
 * mysqldump writes both for every view, and {@code ViewDdl} records them in the stored CREATE VIEW text, which
 * decides whose privileges the view's body runs with.
 */
public final class ViewDefinerClause {
    private static final String NAME = "(`(?:[^`]|``)*`|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[\\w$]+)";
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "^(\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:ALGORITHM\\s*=\\s*\\w+\\s+)?)"
                    + "(?:DEFINER\\s*=\\s*(?:(CURRENT_USER(?:\\s*\\(\\s*\\))?)|" + NAME + "(?:\\s*@\\s*(?:"
                    + NAME + "|([\\w.%:-]+)))?)\\s+)?"
                    + "(?:SQL\\s+SECURITY\\s+(DEFINER|INVOKER)\\s+)?(VIEW\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * The clauses of one CREATE VIEW. {@code user} is null when none was named, {@code currentUser} when it was
     * CURRENT_USER; {@code host} defaults to {@code %}; {@code security} (DEFINER / INVOKER) is null when not given.
     */
    public record Clause(String user, String host, boolean currentUser, String security) {
        public boolean namesDefiner() {
            return user != null || currentUser;
        }
    }

    private ViewDefinerClause() {
    }

    /** {@code sql} without the two clauses (unchanged when it is no CREATE VIEW or has neither). */
    public static String strip(String sql) {
        Matcher m = match(sql);
        if (m == null || m.group(2) == null && m.group(3) == null && m.group(6) == null) {
            return sql;
        }
        return m.group(1) + m.group(7) + sql.substring(m.end());
    }

    /** Gives a parsed CREATE VIEW the clauses {@code text}, the statement before {@link #strip}, names. */
    public static void attach(SqlNode node, String text) {
        if (node instanceof SqlCreateMySqlView view) {
            view.setDefinerClause(of(text).orElse(null));
        }
    }

    /** The clauses of a CREATE VIEW statement or stored definition; empty when it names neither. */
    public static Optional<Clause> of(String sql) {
        Matcher m = match(sql);
        if (m == null || m.group(2) == null && m.group(3) == null && m.group(6) == null) {
            return Optional.empty();
        }
        String host = m.group(4) != null ? unquote(m.group(4)) : m.group(5) != null ? m.group(5) : "%";
        return Optional.of(new Clause(m.group(3) == null ? null : unquote(m.group(3)),
                host.toLowerCase(Locale.ROOT), m.group(2) != null,
                m.group(6) == null ? null : m.group(6).toUpperCase(Locale.ROOT)));
    }

    private static Matcher match(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        if (!sql.regionMatches(true, start, "CREATE", 0, 6)) {
            return null;
        }
        Matcher m = CREATE_VIEW.matcher(sql);
        return m.find() ? m : null;
    }

    private static String unquote(String name) {
        char q = name.charAt(0);
        if (q != '`' && q != '\'' && q != '"') {
            return name;
        }
        String inner = name.substring(1, name.length() - 1);
        return inner.replace(String.valueOf(q) + q, String.valueOf(q));
    }
}
