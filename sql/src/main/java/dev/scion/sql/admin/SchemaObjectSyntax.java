package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the statements on one kind of named schema object the front end owns (triggers, events) are written:
 * {@code DROP KIND [IF EXISTS] [db.]name}, {@code SHOW CREATE KIND [db.]name} and
 * {@code SHOW KINDS [{FROM | IN} db] [LIKE 'pattern' | WHERE condition]}.
 */
public final class SchemaObjectSyntax {
    private static final String NAME = "(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)";
    private static final String QUALIFIED_NAME = NAME + "(?:\\s*\\.\\s*" + NAME + ")?\\s*;?";

    /** Runs {@code DROP}: database null when the name is not qualified. */
    public interface Drop {
        StatementResult run(Session session, String database, String name, boolean ifExists);
    }

    /** Runs {@code SHOW CREATE}: database null when the name is not qualified. */
    public interface ShowCreate {
        StatementResult run(Session session, String database, String name);
    }

    /** Runs {@code SHOW KINDS}: database null without FROM; {@code filter} the LIKE or WHERE clause, maybe blank. */
    public interface Show {
        StatementResult run(Session session, String database, String filter);
    }

    private final Pattern drop;
    private final Pattern showCreate;
    private final Pattern show;

    /** The statements on {@code kind} (e.g. {@code TRIGGER}) whose SHOW lists {@code plural} ({@code TRIGGERS}). */
    public SchemaObjectSyntax(String kind, String plural) {
        drop = Pattern.compile("DROP\\s+" + kind + "\\s+(IF\\s+EXISTS\\s+)?" + QUALIFIED_NAME,
                Pattern.CASE_INSENSITIVE);
        showCreate = Pattern.compile("SHOW\\s+CREATE\\s+" + kind + "\\s+" + QUALIFIED_NAME, Pattern.CASE_INSENSITIVE);
        show = Pattern.compile("SHOW\\s+" + plural + "(?:\\s+(?:FROM|IN)\\s+" + NAME + ")?"
                + "((?:\\s+(?:LIKE|WHERE)\\s+.*?)?)\\s*;?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** The DROP, SHOW CREATE or SHOW statement the text is, run by the matching handler; empty for any other. */
    public Optional<AdminStatement> match(String text, Drop onDrop, ShowCreate onShowCreate, Show onShow) {
        Matcher m = drop.matcher(text);
        if (m.matches()) {
            QualifiedName q = QualifiedName.of(m, 2);
            boolean ifExists = m.group(1) != null;
            return Optional.of(session -> onDrop.run(session, q.database(), q.name(), ifExists));
        }
        m = showCreate.matcher(text);
        if (m.matches()) {
            QualifiedName q = QualifiedName.of(m, 1);
            return Optional.of(session -> onShowCreate.run(session, q.database(), q.name()));
        }
        m = show.matcher(text);
        if (m.matches()) {
            String db = m.group(1) == null ? null : Identifiers.unquote(m.group(1));
            String filter = m.group(2);
            return Optional.of(session -> onShow.run(session, db, filter));
        }
        return Optional.empty();
    }
}
