package dev.scion.sql.session;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads system variables, including the per-database versioning ones ({@code <db>_head_ref},
 * {@code <db>_head}, {@code <db>_working}, {@code <db>_staged}) that exist for every database.
 */
public final class VariableReader {
    private VariableReader() {
    }

    /** Strips {@code session.}, {@code global.} and {@code local.} scope prefixes. */
    public static String baseName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String p : new String[] {"session.", "global.", "local."}) {
            if (lower.startsWith(p)) {
                return name.substring(p.length());
            }
        }
        return name;
    }

    public static Object read(Session session, String rawName) {
        String name = baseName(rawName).toLowerCase(Locale.ROOT);
        Optional<Object> versioned = versioned(session, name);
        if (versioned.isPresent()) {
            return versioned.get() == NULL ? null : versioned.get();
        }
        if (!session.hasVariable(name)) {
            throw new SqlError(ErrorCode.UNKNOWN_SYSTEM_VARIABLE, "Unknown system variable '" + name + "'");
        }
        if (rawName.regionMatches(true, 0, "global.", 0, 7) && SystemVariables.isKnown(name)
                && !SystemVariables.isSessionOnly(name)) {
            // the server-wide value, which SET GLOBAL changes without touching this session's
            return session.engine().globalVariable(name);
        }
        if ((name.equals("collation_database") || name.equals("character_set_database"))
                && session.currentDatabase() != null) {
            // MySQL sets these from the database USE selects
            String collation = dev.scion.sql.catalog.DatabaseCollation.of(session.current());
            return name.equals("collation_database") ? dev.scion.sql.catalog.Collations.effective(collation)
                    : dev.scion.sql.catalog.Collations.charsetOf(collation);
        }
        return session.variable(name);
    }

    private static final Object NULL = new Object();

    /**
     * The session's binding of database {@code db} that {@code @@db_*} variables mean: the current database when
     * it is a revision of db (a session connected to {@code db/feature} reads feature's head), else db's own.
     */
    public static Optional<DatabaseState> stateFor(Session session, String db) {
        if (session.currentDatabase() != null) {
            DatabaseState current = session.current();
            if (current.databaseName().equalsIgnoreCase(db)) {
                return Optional.of(current);
            }
        }
        return session.findDatabase(db);
    }

    private static Optional<Object> versioned(Session session, String name) {
        if (name.endsWith("_default_branch")) {
            String db = name.substring(0, name.length() - "_default_branch".length());
            Optional<DatabaseState> s = session.findDatabase(db);
            if (s.isPresent()) {
                return Optional.of(session.engine().defaultBranch(s.get().databaseName(), s.get().repo()));
            }
        }
        String[] suffixes = {"_head_ref", "_head", "_working", "_staged"};
        for (String suffix : suffixes) {
            if (!name.endsWith(suffix)) {
                continue;
            }
            String db = name.substring(0, name.length() - suffix.length());
            Optional<DatabaseState> s = stateFor(session, db);
            if (s.isEmpty()) {
                continue;
            }
            DatabaseState st = s.get();
            Object v = switch (suffix) {
                case "_head_ref" -> st.branch() == null ? NULL : "refs/heads/" + st.branch();
                case "_head" -> session.headOf(st).toString();
                case "_working" -> st.workingRootHash().toString();
                default -> st.isDetached() ? st.workingRootHash().toString()
                        : st.stagedRootHash() == null ? NULL : st.stagedRootHash().toString();
            };
            return Optional.of(v);
        }
        return Optional.empty();
    }
}
