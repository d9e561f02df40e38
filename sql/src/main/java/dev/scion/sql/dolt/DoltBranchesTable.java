package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Iterator;
import java.util.List;

/**
 * dolt_branches: every branch with its head commit. Writable as in seed 004: INSERT (name, hash) creates a branch
 * (or points an existing one there); UPDATE ... SET hash = X WHERE name = N AND hash = H moves N only if it still
 * points at the hash the statement read (compare-and-swap); DELETE removes branches.
 */
final class DoltBranchesTable implements WritableSystemTable {

    @Override
    public String name() {
        return "dolt_branches";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return rowType(f, true);
    }

    /**
     * Dolt's columns: the head commit's committer and message, then (local branches only) the upstream a branch
     * tracks and whether its working set holds uncommitted changes, then the head commit's author.
     */
    static RelDataType rowType(RelDataTypeFactory f, boolean local) {
        RelDataTypeFactory.Builder b = f.builder()
                .add("name", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("hash", f.createSqlType(SqlTypeName.VARCHAR, 32))
                .add("latest_committer", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("latest_committer_email", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("latest_commit_date", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
                .add("latest_commit_message", f.createSqlType(SqlTypeName.VARCHAR, 65535));
        if (local) {
            b.add("remote", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, 1024), true))
                    .add("branch", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, 1024), true))
                    .add("dirty", Columns.flag(f));
        }
        return b.add("latest_author", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("latest_author_email", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("latest_author_date", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
                .build();
    }

    /** A row of a branch (local: with its upstream and whether {@code workingSet} differs from the head). */
    static Object[] row(String name, Hash head, Commit c, boolean local,
                        dev.scion.versioning.remote.RemoteConfig.Upstream upstream,
                        dev.scion.versioning.model.WorkingSet workingSet) {
        Object[] common = {name, head.toString(), c.committer().name(), c.committer().email(),
            DoltLogTable.toDateTime(c.committer().timeMillis()), c.message()};
        Object[] author = {c.author().name(), c.author().email(), DoltLogTable.toDateTime(c.author().timeMillis())};
        if (!local) {
            Object[] out = java.util.Arrays.copyOf(common, common.length + author.length);
            System.arraycopy(author, 0, out, common.length, author.length);
            return out;
        }
        boolean dirty = workingSet != null
                && (!workingSet.working().equals(c.root()) || !workingSet.staged().equals(c.root()));
        Object[] out = java.util.Arrays.copyOf(common, common.length + 3 + author.length);
        out[common.length] = upstream == null ? null : upstream.remote();
        out[common.length + 1] = upstream == null ? null : upstream.branch();
        out[common.length + 2] = dirty ? 1L : 0L;
        System.arraycopy(author, 0, out, common.length + 3, author.length);
        return out;
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        // inside a transaction, the branches as it began (Dolt's "dolt_branches table has consistent view")
        java.util.Optional<dev.scion.sql.catalog.BranchSnapshot> snapshot = session.branchSnapshot(db.repo());
        Iterator<String> names = snapshot.isPresent() ? snapshot.get().tips().keySet().iterator()
                : db.repo().branches().iterator();
        return () -> {
            while (names.hasNext()) {
                String n = names.next();
                dev.scion.sql.catalog.BranchSnapshot.Tip tip = snapshot.isPresent() ? snapshot.get().tips().get(n)
                        : null;
                Hash h = tip != null ? tip.head() : db.repo().branchHead(n).orElse(null);
                if (h == null) {
                    continue;
                }
                dev.scion.versioning.model.WorkingSet ws = tip != null ? tip.workingSet() : db.repo().workingSet(n);
                return row(n, h, db.repo().readCommit(h), true,
                        dev.scion.versioning.remote.RemoteConfig.upstream(db.repo(), n).orElse(null), ws);
            }
            return null;
        };
    }

    @Override
    public long insert(Session session, DatabaseState db, List<String> columns, List<Object[]> rows) {
        session.branchesMayHaveChanged();
        int name = columns.indexOf("name");
        int hash = columns.indexOf("hash");
        if (name < 0 || hash < 0) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "INSERT INTO dolt_branches needs the name and hash columns");
        }
        for (Object[] r : rows) {
            String n = String.valueOf(r[name]);
            Hash h = commitHash(db, r[hash]);
            if (db.repo().branchHead(n).isPresent()) {
                db.repo().forceBranch(n, h);
            } else {
                db.repo().createBranch(n, h);
            }
        }
        return rows.size();
    }

    @Override
    public long update(Session session, DatabaseState db, List<Object[]> before, List<Object[]> after) {
        session.branchesMayHaveChanged();
        long changed = 0;
        for (int i = 0; i < before.size(); i++) {
            String oldName = String.valueOf(before.get(i)[0]);
            String newName = String.valueOf(after.get(i)[0]);
            Hash oldHash = Hash.parse(String.valueOf(before.get(i)[1]));
            Hash newHash = commitHash(db, after.get(i)[1]);
            if (!newHash.equals(oldHash)) {
                try {
                    db.repo().moveBranch(oldName, oldHash, newHash);
                } catch (VersioningException e) {
                    if (e.reason() == VersioningException.Reason.CONCURRENT_UPDATE) {
                        continue; // someone moved it since we read it: the compare-and-swap fails, no row changes
                    }
                    throw e;
                }
                changed++;
            }
            if (!newName.equals(oldName)) {
                db.repo().renameBranch(oldName, newName, false);
                changed++;
            }
        }
        return changed;
    }

    @Override
    public long delete(Session session, DatabaseState db, List<Object[]> rows) {
        session.branchesMayHaveChanged();
        for (Object[] r : rows) {
            String n = String.valueOf(r[0]);
            for (DatabaseState s : session.boundDatabases()) {
                if (s.repo() == db.repo() && n.equals(s.branch())) {
                    throw new SqlError(ErrorCode.VERSIONING, "error: cannot delete the checked out branch '" + n + "'");
                }
            }
            db.repo().deleteBranch(n);
        }
        return rows.size();
    }

    private static Hash commitHash(DatabaseState db, Object value) {
        String s = value == null ? "" : value.toString();
        if (!Hash.isHashString(s)) {
            throw new SqlError(ErrorCode.VERSIONING, "invalid commit hash: '" + s + "'");
        }
        Hash h = Hash.parse(s);
        db.repo().readCommit(h);
        return h;
    }
}
