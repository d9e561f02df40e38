package dev.scion.sql.frontend;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.privilege.Account;
import dev.scion.sql.privilege.RoutinePrivileges;
import dev.scion.sql.session.Session;

import java.util.Optional;

/**
 * SQL SECURITY of views. CREATE VIEW records, in the stored text as MySQL's SHOW CREATE VIEW prints it, whose
 * privileges the body runs with: {@code ALGORITHM=UNDEFINED DEFINER=`u`@`h` SQL SECURITY DEFINER}. The definer is
 * the one the statement names (naming another account needs SUPER, 1227) or the creating account. A view created
 * in-process (no account) without either clause keeps the plain {@code CREATE VIEW} text and runs as its invoker,
 * which never grants more than the invoker holds.
 *
 * <p>Expanding a DEFINER view checks its base tables against the definer while the body is expanded and renames
 * them to {@link #definerRead} names, which the planner's catalog resolves to the same table without checking the
 * invoker again: only the references inside the view are exempt, not the same table named elsewhere in the query.
 */
public final class ViewSecurity {
    /** Prefix of a table name already checked against a view's definer (never part of a real table name). */
    private static final char DEFINER_READ = '\u0001';

    private ViewSecurity() {
    }

    /** The clauses between CREATE and VIEW to store for a view created now, with a trailing space; or "". */
    public static String head(Session session, ViewDefinerClause.Clause clause) {
        Optional<Account> creator = session.access().account();
        if (clause == null && creator.isEmpty()) {
            return "";
        }
        Account definer = creator.orElse(null);
        if (clause != null && clause.user() != null) {
            definer = new Account(clause.user(), clause.host());
            RoutinePrivileges.requireDefiner(session, definer.plain());
            if (session.engine().accounts().find(definer).isEmpty()) {
                session.addNote(ErrorCode.NO_SUCH_USER.code(), "The user specified as a definer ('"
                        + definer.user() + "'@'" + definer.host() + "') does not exist");
            }
        }
        String security = clause == null || clause.security() == null ? "DEFINER" : clause.security();
        return "ALGORITHM=UNDEFINED " + (definer == null ? "" : "DEFINER=" + quote(definer.user()) + "@"
                + quote(definer.host()) + " ") + "SQL SECURITY " + security + " ";
    }

    /** The account a stored definition runs its body as; empty for SQL SECURITY INVOKER or no recorded definer. */
    static Optional<Account> definer(String definition) {
        return ViewDefinerClause.of(definition)
                .filter(c -> c.user() != null && !"INVOKER".equals(c.security()))
                .map(c -> new Account(c.user(), c.host()));
    }

    /** DEFINER and SECURITY_TYPE for information_schema.VIEWS; root@localhost / DEFINER when none is recorded. */
    public static String[] shown(String definition) {
        Optional<ViewDefinerClause.Clause> c = ViewDefinerClause.of(definition);
        String definer = c.filter(x -> x.user() != null).map(x -> x.user() + "@" + x.host()).orElse("root@localhost");
        return new String[] {definer, c.map(ViewDefinerClause.Clause::security).orElse("DEFINER")};
    }

    static String definerRead(String table) {
        return DEFINER_READ + table;
    }

    /** The table a {@link #definerRead} name stands for; empty for an ordinary name. */
    public static Optional<String> definerReadOf(String name) {
        return !name.isEmpty() && name.charAt(0) == DEFINER_READ ? Optional.of(name.substring(1)) : Optional.empty();
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
