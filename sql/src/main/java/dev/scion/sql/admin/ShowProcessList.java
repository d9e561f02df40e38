package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** SHOW [FULL] PROCESSLIST: every open session, what it runs and for how many seconds. */
final class ShowProcessList implements AdminStatement {
    static final List<String> COLUMNS = List.of("Id", "User", "Host", "db", "Command", "Time", "State", "Info");
    private static final int SHORT_INFO = 100;

    private final boolean full;

    ShowProcessList(boolean full) {
        this.full = full;
    }

    /** One row per session (also information_schema.PROCESSLIST). */
    static List<Object[]> rows(Session asking, boolean full) {
        List<Object[]> rows = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Session s : asking.engine().sessions()) {
            String info = s.runningStatement();
            if (info != null && !full && info.length() > SHORT_INFO) {
                info = info.substring(0, SHORT_INFO);
            }
            rows.add(new Object[] {s.connectionId(), s.user(), s.host() == null ? "localhost" : s.host(),
                s.currentDatabase(), info == null ? "Sleep" : "Query",
                Math.max(0, (now - s.activitySince()) / 1000), info == null ? "" : "executing", info});
        }
        return rows;
    }

    @Override
    public StatementResult execute(Session session) {
        return ShowFilter.NONE.result(session, COLUMNS, rows(session, full));
    }
}
