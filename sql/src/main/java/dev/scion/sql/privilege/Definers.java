package dev.scion.sql.privilege;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.function.Supplier;

/**
 * Running part of a statement with a definer's privileges (SQL SECURITY DEFINER routines and views): the session's
 * access policy is the definer's while {@code body} runs and the caller's again afterwards, also on errors.
 */
public final class Definers {
    private Definers() {
    }

    /** Runs {@code body} as {@code definer}; directly when the session already is that account or is in-process. */
    public static <T> T runAs(Session session, Account definer, Supplier<T> body) {
        AccessPolicy caller = session.access();
        if (caller == AccessPolicy.UNRESTRICTED || caller.account().filter(definer::equals).isPresent()) {
            return body.get();
        }
        AccountCatalog catalog = session.engine().accounts();
        if (catalog.find(definer).isEmpty()) {
            throw new SqlError(ErrorCode.NO_SUCH_USER, "The user specified as a definer ('" + definer.user()
                    + "'@'" + definer.host() + "') does not exist");
        }
        session.access(AccessPolicy.of(catalog, definer));
        try {
            return body.get();
        } finally {
            session.access(caller);
        }
    }
}
