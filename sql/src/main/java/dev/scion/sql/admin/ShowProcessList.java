package dev.scion.sql.admin;

import dev.scion.sql.catalog.ProcessRows;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/** SHOW [FULL] PROCESSLIST: every open session, what it runs and for how many seconds. */
final class ShowProcessList implements AdminStatement {
    private static final List<String> COLUMNS = List.of("Id", "User", "Host", "db", "Command", "Time", "State",
            "Info");

    private final boolean full;

    ShowProcessList(boolean full) {
        this.full = full;
    }

    @Override
    public StatementResult execute(Session session) {
        return ShowFilter.NONE.result(session, COLUMNS, ProcessRows.of(session, full));
    }
}
