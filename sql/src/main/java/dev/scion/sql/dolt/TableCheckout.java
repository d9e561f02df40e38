package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.IgnorePatterns;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * dolt_checkout(table, ...) and dolt_checkout('.'): throws away the working changes of tables, as git checkout
 * does for files. Each table gets its staged version back, or its HEAD version when it is not staged; a table in
 * neither (created since) is dropped. '.' means every table except those dolt_ignore matches, which checkout
 * never touches since they are not under version control.
 */
final class TableCheckout {
    private TableCheckout() {
    }

    static StatementResult run(Session session, DatabaseState s, List<String> names) {
        if (s.isReadOnly()) {
            throw new SqlError(ErrorCode.VERSIONING, "error: could not find " + names.get(0));
        }
        session.commit();
        var repo = s.repo();
        WorkingSet ws = repo.workingSet(s.branch());
        RootValue working = repo.readRoot(repo.chunks(), ws.working());
        RootValue staged = repo.readRoot(repo.chunks(), ws.staged());
        RootValue head = repo.readRoot(repo.chunks(), repo.readCommit(session.headOf(s)).root());
        Set<String> tables = new LinkedHashSet<>();
        if (names.contains(".")) {
            IgnorePatterns ignore = IgnorePatterns.of(repo, repo.chunks(), working);
            for (RootValue r : List.of(working, staged, head)) {
                r.tables().keySet().stream().filter(t -> !ignore.isIgnored(t)).forEach(tables::add);
            }
        } else {
            for (String n : names) {
                Optional<String> found = working.resolveName(n).or(() -> staged.resolveName(n))
                        .or(() -> head.resolveName(n));
                tables.add(found.orElseThrow(() -> new SqlError(ErrorCode.VERSIONING, "error: could not find " + n)));
            }
        }
        RootValue next = working;
        for (String t : tables) {
            Optional<Hash> source = staged.table(t).or(() -> head.table(t));
            next = source.isPresent() ? next.withTable(t, source.get()) : next.withoutTable(t);
        }
        var buffer = repo.newBuffer();
        repo.updateWorkingSet(s.branch(), ws, ws.withWorking(next.write(buffer)), buffer);
        return new StatementResult.Rows(List.of(ResultColumn.bigint("status"), ResultColumn.text("message")),
                RowStream.of(List.<Object[]>of(new Object[] {0L, ""})));
    }
}
