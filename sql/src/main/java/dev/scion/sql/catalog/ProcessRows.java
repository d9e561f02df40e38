package dev.scion.sql.catalog;

import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** The open sessions as SHOW PROCESSLIST and information_schema.PROCESSLIST list them. */
public final class ProcessRows {
    private static final int SHORT_INFO = 100;

    private ProcessRows() {
    }

    /** Id, User, Host, db, Command, Time (seconds), State, Info; Info cut to 100 characters unless full. */
    public static List<Object[]> of(Session asking, boolean full) {
        List<Object[]> rows = new ArrayList<>();
        long now = System.currentTimeMillis();
        // without PROCESS a user sees only its own connections, as in MySQL
        boolean everyone = asking.access().hasGlobal(dev.scion.sql.privilege.Privilege.PROCESS);
        for (Session s : asking.engine().sessions()) {
            if (!everyone && !java.util.Objects.equals(s.user(), asking.user())) {
                continue;
            }
            String info = s.runningStatement();
            if (info != null && !full && info.length() > SHORT_INFO) {
                info = info.substring(0, SHORT_INFO);
            }
            rows.add(new Object[] {s.connectionId(), s.user(), s.host() == null ? "localhost" : s.host(),
                s.currentDatabase(), info == null ? "Sleep" : "Query",
                Math.max(0, (now - s.activitySince()) / 1000), info == null ? ""
                    : asking.engine().rowLocks().isWaiting(s) ? "Waiting for row lock" : "executing", info});
        }
        return rows;
    }
}
