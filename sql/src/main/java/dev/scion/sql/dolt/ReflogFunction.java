package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.MissingChunkException;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.Tag;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * dolt_reflog([ref]): the commits a branch or tag pointed at over time, newest first, from the ref logs the store
 * keeps (every new value of a refs/heads/ or refs/tags/ ref is logged in the write that sets it). The ref is
 * matched without regard to case, as a full name (refs/heads/x) or a short one (a branch first, then a tag), and
 * a deleted branch or tag still has its log. Without an argument every logged ref is listed. An unknown ref gives
 * no rows. Garbage collection clears the logs, as Dolt's does.
 */
final class ReflogFunction implements SystemTable {
    static final String NAME = "dolt_reflog";

    private final List<Object[]> rows;

    private ReflogFunction(List<Object[]> rows) {
        this.rows = rows;
    }

    static ReflogFunction create(Session session, DatabaseState db, List<String> args) {
        List<String> positional = args.stream().filter(a -> !a.equalsIgnoreCase("--all")).toList();
        if (positional.size() > 1) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "error: dolt_reflog has too many positional arguments. "
                    + "Expected at most 1, found " + positional.size() + ": ['" + String.join("' '", positional)
                    + "']");
        }
        Repository repo = db.repo();
        List<String> refs = new ArrayList<>();
        if (positional.isEmpty()) {
            refs.addAll(repo.loggedRefs());
        } else {
            String wanted = wantedRef(repo, positional.get(0));
            if (wanted != null) {
                refs.add(wanted);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (String ref : refs) {
            for (RocksChunkStore.RefLogEntry e : repo.refLog(ref)) {
                Object[] row = row(repo, ref, e);
                if (row != null) {
                    rows.add(row);
                    times.add(e.timeMillis());
                }
            }
        }
        if (refs.size() > 1) {
            // all refs: newest first across them (each ref's own log is already newest first)
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing((Integer i) -> times.get(i)).reversed());
            List<Object[]> sorted = new ArrayList<>();
            order.forEach(i -> sorted.add(rows.get(i)));
            return new ReflogFunction(sorted);
        }
        return new ReflogFunction(rows);
    }

    /** The logged ref the argument names, or null. */
    private static String wantedRef(Repository repo, String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        List<String> candidates = lower.startsWith("refs/") ? List.of(lower)
                : List.of(RefNames.HEADS + lower, RefNames.TAGS + lower);
        for (String c : candidates) {
            for (String logged : repo.loggedRefs()) {
                if (logged.toLowerCase(Locale.ROOT).equals(c)) {
                    return logged;
                }
            }
        }
        return null;
    }

    /** One entry's row; null when its commit is gone (a log written before the last collection). */
    private static Object[] row(Repository repo, String ref, RocksChunkStore.RefLogEntry e) {
        if (e.value().length != Hash.LENGTH) {
            return null;
        }
        Hash h = Hash.fromBytes(e.value());
        try {
            Hash commitHash = repo.readTagObject(h).map(Tag::target).orElse(h);
            Commit c = repo.readCommit(commitHash);
            return new Object[] {ref, DoltLogTable.toDateTime(e.timeMillis()), commitHash.toString(), c.message()};
        } catch (MissingChunkException | VersioningException missing) {
            return null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("ref", Columns.text(f, 1024)).add("ref_timestamp", Columns.datetime(f))
                .add("commit_hash", Columns.text(f, 32)).add("commit_message", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        return RowStream.of(rows);
    }
}
