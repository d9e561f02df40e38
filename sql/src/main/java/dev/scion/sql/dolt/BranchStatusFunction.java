package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.repo.Repository;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * dolt_branch_status(base, rev...): for each revision, how many commits it has that base does not
 * (commits_ahead) and how many base has that it does not (commits_behind), as {@code git rev-list --count
 * base..rev} and {@code rev..base} count them. Each revision is named in the branch column as it was written.
 */
final class BranchStatusFunction implements SystemTable {
    static final String NAME = "dolt_branch_status";

    private final List<Object[]> rows;

    private BranchStatusFunction(List<Object[]> rows) {
        this.rows = rows;
    }

    static BranchStatusFunction create(Session session, DatabaseState db, List<String> args) {
        if (args.isEmpty()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "function 'dolt_branch_status' expected at least 1 argument, 0 received");
        }
        Set<Hash> base = reachable(db.repo(), commit(session, db, args.get(0)));
        List<Object[]> rows = new ArrayList<>();
        for (String rev : args.subList(1, args.size())) {
            Set<Hash> other = reachable(db.repo(), commit(session, db, rev));
            long ahead = other.stream().filter(h -> !base.contains(h)).count();
            long behind = base.stream().filter(h -> !other.contains(h)).count();
            rows.add(new Object[] {rev, ahead, behind});
        }
        return new BranchStatusFunction(rows);
    }

    private static Hash commit(Session session, DatabaseState db, String rev) {
        if (rev == null || rev.isEmpty()) {
            throw new SqlError(ErrorCode.VERSIONING, "string is not a valid branch or hash");
        }
        return DiffSides.resolveCommit(session, db, rev);
    }

    private static Set<Hash> reachable(Repository repo, Hash start) {
        Set<Hash> seen = new HashSet<>();
        Deque<Hash> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Hash h = todo.poll();
            if (seen.add(h)) {
                todo.addAll(repo.readCommit(h).parents());
            }
        }
        return seen;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("branch", Columns.text(f, 1024)).add("commits_ahead", Columns.bigint(f))
                .add("commits_behind", Columns.bigint(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        return RowStream.of(rows);
    }
}
