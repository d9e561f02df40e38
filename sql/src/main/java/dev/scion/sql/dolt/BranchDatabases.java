package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.RevisionName;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.TransactionCommitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The revision databases SHOW DATABASES lists besides the plain ones: the session's current database when it is a
 * revision ({@code mydb/branch1}, {@code mydb@tag1~}), as Dolt lists it, and with
 * {@code @@dolt_show_branch_databases = 1} also {@code db/branch} for every other branch.
 */
public final class BranchDatabases {
    private BranchDatabases() {
    }

    public static List<String> names(Session session) {
        List<String> out = new ArrayList<>();
        String current = session.currentDatabase();
        RevisionName currentName = current == null ? null : RevisionName.parse(current);
        String currentBranch = null;
        if (currentName != null && currentName.revision() != null) {
            Optional<DatabaseState> state = session.findDatabase(current);
            if (state.isPresent()) {
                out.add(current);
                currentBranch = state.get().isReadOnly() ? null : state.get().branch();
            }
        }
        if (!TransactionCommitter.isOn(session, "dolt_show_branch_databases")) {
            return out;
        }
        for (String db : session.engine().dataDirectory().names()) {
            boolean currentDb = currentName != null && currentName.database().equalsIgnoreCase(db);
            String skip = currentDb ? currentBranch : null;
            session.engine().dataDirectory().open(db).ifPresent(repo -> {
                for (String b : repo.branches()) {
                    if (!b.equals(skip)) { // the current revision database already stands for that branch
                        out.add(db + "/" + b);
                    }
                }
            });
        }
        return out;
    }
}
