package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.lang.management.ManagementFactory;
import java.util.List;

/** SHOW [GLOBAL | SESSION] STATUS [LIKE | WHERE]: the counters Scion keeps. */
final class ShowStatus implements AdminStatement {
    private final ShowFilter filter;

    ShowStatus(ShowFilter filter) {
        this.filter = filter;
    }

    @Override
    public StatementResult execute(Session session) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        long threads = session.engine().sessions().size();
        long running = session.engine().sessions().stream().filter(s -> s.runningStatement() != null).count();
        List<Object[]> rows = List.of(
                new Object[] {"Threads_connected", Long.toString(threads)},
                new Object[] {"Threads_running", Long.toString(running)},
                new Object[] {"Uptime", Long.toString(uptime)});
        return filter.result(session, List.of("Variable_name", "Value"), rows);
    }
}
