package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dml.ExpressionEvaluator;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.util.SqlShuttle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code t AS OF <revision>} reads t as committed at a revision: the table reference becomes
 * {@code `db/<commit hash>`.t}, a read-only revision database. The revision is a branch, tag, hash or ancestor
 * spec ({@code 'HEAD~1'} is relative to the session's HEAD), or a point in time: the newest commit of the session's
 * history made at or before it.
 */
public final class AsOfRewriter extends SqlShuttle {
    private final Session session;
    private final String sql;

    private AsOfRewriter(Session session, String sql) {
        this.session = session;
        this.sql = sql;
    }

    public static SqlNode rewrite(Session session, SqlNode node, String sql) {
        return node.accept(new AsOfRewriter(session, sql));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (!(call instanceof SqlSnapshot snap)) {
            return super.visit(call);
        }
        if (!(snap.getTableRef() instanceof SqlIdentifier table)) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "AS OF applies to a table name");
        }
        List<String> names = table.names;
        DatabaseState db = names.size() > 1 ? session.database(names.get(names.size() - 2)) : session.current();
        Object when = timestampCall(snap.getPeriod());
        if (when == null && snap.getPeriod() instanceof SqlIdentifier word && word.isSimple()
                && !word.getSimple().startsWith("@")) {
            // AS OF STAGED, AS OF main, AS OF `HEAD~5`: a bare word names a revision (no row is in scope to give
            // a column), as in Dolt
            when = word.getSimple();
        }
        if (when == null) {
            when = ExpressionEvaluator.evaluate(session, List.of(snap.getPeriod()), sql)[0];
        }
        Hash commit;
        if (CommitAtTime.isTime(when)) {
            commit = CommitAtTime.of(session, db, when);
        } else if (when != null && !db.isReadOnly() && (when.toString().equalsIgnoreCase("STAGED")
                || when.toString().equalsIgnoreCase("WORKING"))) {
            commit = snapshotCommit(db, when.toString().equalsIgnoreCase("STAGED"));
        } else if (when != null && isStatusTable(names.get(names.size() - 1))
                && db.repo().branchHead(when.toString()).isPresent()) {
            // the status tables describe a working set, which a branch has and a commit has not: AS OF 'branch'
            // reads that branch's working set, as Dolt's do (AS OF a tag or hash stays a commit, with no changes)
            db.repo().branchActivity().read(when.toString());
            return new SqlIdentifier(List.of(db.databaseName() + "/" + when, names.get(names.size() - 1)),
                    table.getParserPosition());
        } else if (when != null) {
            commit = Procedures.resolve(session, db, when.toString());
            if (db.repo().branchHead(when.toString()).isPresent()) {
                db.repo().branchActivity().read(when.toString());
            }
        } else {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "AS OF needs a revision or a time, not NULL");
        }
        return new SqlIdentifier(List.of(db.databaseName() + "/" + commit, names.get(names.size() - 1)),
                table.getParserPosition());
    }

    private static boolean isStatusTable(String name) {
        return name.equalsIgnoreCase("dolt_status") || name.equalsIgnoreCase("dolt_status_ignored");
    }

    /** Who "commits" the snapshots of {@link #snapshotCommit}: fixed, so one root always gives one commit. */
    private static final dev.scion.versioning.model.Signature SNAPSHOT =
            new dev.scion.versioning.model.Signature("scion", "", 0);

    /**
     * AS OF 'STAGED' / 'WORKING': revision databases are bound to commits, so the branch's staged (or stored
     * working) root is wrapped in a commit that no ref names. Its content is fixed by the root and HEAD, so asking
     * again writes the same chunk; being unreferenced, garbage collection removes it.
     */
    private Hash snapshotCommit(DatabaseState db, boolean staged) {
        var ws = db.startWorkingSet();
        Hash head = session.headOf(db);
        var headCommit = db.repo().readCommit(head);
        Hash root = ws == null ? headCommit.root() : staged ? db.stagedRootHash() : ws.working();
        var c = new dev.scion.versioning.model.Commit(root, List.of(head), SNAPSHOT, SNAPSHOT,
                staged ? "STAGED" : "WORKING", headCommit.height() + 1);
        var out = db.repo().newBuffer();
        if (staged && db.changedStagedRoot() != null) {
            // the transaction's own staged root is in its buffer only: the snapshot commit must carry its chunks
            out.putAll(db.buffer().pending());
        }
        return db.repo().writeDanglingCommit(c, out);
    }

    /** {@code TIMESTAMP('2026-01-01 12:00:00')} (the spec's form) as a time; null for any other expression. */
    private static LocalDateTime timestampCall(SqlNode period) {
        if (!(period instanceof SqlCall c) || !c.getOperator().getName().equalsIgnoreCase("TIMESTAMP")
                || c.operandCount() != 1 || !(c.operand(0) instanceof SqlLiteral lit)) {
            return null;
        }
        String t = lit.getValueAs(String.class).strip().replace(' ', 'T');
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "AS OF: cannot read the time '" + lit.toValue() + "'");
        }
    }
}
