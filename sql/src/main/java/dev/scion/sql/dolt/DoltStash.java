package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.StashOp;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dolt_stash('push' | 'pop' | 'apply' | 'drop' | 'clear', name [, stash@{n} | n] [, -a | -u]) and the dolt_stashes
 * table that lists the entries (versioning.ops.StashOp keeps them).
 */
final class DoltStash {
    private static final Pattern ENTRY = Pattern.compile("(?:stash@\\{)?(\\d+)\\}?");

    private DoltStash() {
    }

    static StatementResult stash(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_stash", args, Set.of());
        List<String> pos = p.positional();
        if (pos.size() < 2) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "dolt_stash: expected a subcommand (push, pop, apply, drop, clear) and a stash name");
        }
        String command = pos.get(0).toLowerCase(java.util.Locale.ROOT);
        String name = pos.get(1);
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_stash");
        int index = pos.size() > 2 ? index(pos.get(2)) : 0;
        switch (command) {
            case "push" -> StashOp.push(ctx, name, p.has("a", "all", "u", "include-untracked"),
                    ProcedureSupport.who(session));
            case "pop" -> StashOp.apply(ctx, name, index, true);
            case "apply" -> StashOp.apply(ctx, name, index, false);
            case "drop" -> StashOp.drop(ctx, name, index);
            case "clear" -> StashOp.clear(ctx, name);
            default -> throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_stash: unknown subcommand '"
                    + pos.get(0) + "'");
        }
        return ProcedureSupport.status(0L);
    }

    private static int index(String text) {
        Matcher m = ENTRY.matcher(text.strip());
        if (!m.matches()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_stash: '" + text + "' is not a stash entry");
        }
        return Integer.parseInt(m.group(1));
    }

    /** dolt_stashes: one row per stash entry, newest first within each stash. */
    static final class Table implements SystemTable {
        @Override
        public String name() {
            return "dolt_stashes";
        }

        @Override
        public RelDataType rowType(RelDataTypeFactory f) {
            return f.builder().add("name", Columns.text(f, 1023)).add("stash_id", Columns.text(f, 1023))
                    .add("branch", Columns.text(f, 1023)).add("hash", Columns.hash(f))
                    .add("commit_message", Columns.text(f, 65535)).build();
        }

        @Override
        public RowStream scan(Session session, DatabaseState db) {
            if (db.isReadOnly() || db.branch() == null) {
                return RowStream.of(List.of());
            }
            var it = StashOp.list(new BranchContext(db.repo(), db.branch()), null).iterator();
            return () -> {
                if (!it.hasNext()) {
                    return null;
                }
                StashOp.Entry e = it.next();
                return new Object[] {e.stash(), "stash@{" + e.index() + "}", e.branch(), e.head().toString(),
                    db.repo().readCommit(e.head()).message()};
            };
        }
    }
}
