package dev.scion.sql.dolt;

import dev.scion.sql.session.Session;
import dev.scion.sql.session.TransactionCommitter;

import java.util.ArrayList;
import java.util.List;

/** With {@code @@dolt_show_branch_databases = 1}, SHOW DATABASES also lists {@code db/branch} for every branch. */
public final class BranchDatabases {
    private BranchDatabases() {
    }

    public static List<String> names(Session session) {
        List<String> out = new ArrayList<>();
        if (!TransactionCommitter.isOn(session, "dolt_show_branch_databases")) {
            return out;
        }
        for (String db : session.engine().dataDirectory().names()) {
            session.engine().dataDirectory().open(db).ifPresent(repo -> {
                for (String b : repo.branches()) {
                    out.add(db + "/" + b);
                }
            });
        }
        return out;
    }
}
