package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.remote.CloneOp;
import dev.scion.versioning.remote.FetchOp;
import dev.scion.versioning.remote.PullOp;
import dev.scion.versioning.remote.PushOp;
import dev.scion.versioning.remote.RemoteConfig;
import dev.scion.versioning.remote.RemoteCredentials;
import dev.scion.versioning.remote.RemoteTransport;
import dev.scion.versioning.remote.TransferListener;
import dev.scion.versioning.remote.Transports;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** dolt_remote, dolt_clone, dolt_fetch, dolt_pull and dolt_push, run by the server against its databases. */
final class RemoteProcedures {
    private RemoteProcedures() {
    }

    /** {@code dolt_remote('add', name, url)} / {@code dolt_remote('remove', name)}. */
    static long remote(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_remote", args, Set.of());
        List<String> pos = p.positional();
        Repository repo = session.current().repo();
        if (pos.size() == 3 && pos.get(0).equalsIgnoreCase("add")) {
            RemoteConfig.add(repo, pos.get(1), pos.get(2));
        } else if (pos.size() == 2 && (pos.get(0).equalsIgnoreCase("remove") || pos.get(0).equalsIgnoreCase("rm"))) {
            RemoteConfig.remove(repo, pos.get(1));
        } else if (pos.isEmpty()) {
            // Dolt's words: listing is the dolt_remotes table's job, not the procedure's
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "error: invalid argument, use 'dolt_remotes' system table to list remotes");
        } else {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "error: invalid argument: dolt_remote takes ('add', name, url) or ('remove', name)");
        }
        return 0L;
    }

    /** {@code dolt_clone([--branch b] [--remote r] [--user u], url [, database])}. */
    static long cloneDatabase(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_clone", args, Set.of("b", "branch", "remote", "u", "user"));
        List<String> pos = p.positional();
        if (pos.isEmpty() || pos.size() > 2) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_clone: a remote URL and optionally a database name");
        }
        String url = pos.get(0);
        String name = pos.size() == 2 ? pos.get(1) : lastSegment(url);
        DataDirectory data = session.engine().dataDirectory();
        String remote = p.value("remote") == null ? "origin" : p.value("remote");
        Optional<String> existing = data.canonicalName(name);
        Optional<Repository> unfinished = existing.flatMap(data::open)
                .filter(r -> CloneOp.isUnfinishedCloneOf(r, url));
        if (existing.isPresent() && unfinished.isEmpty()) {
            throw new SqlError(ErrorCode.DB_CREATE_EXISTS, "Can't create database '" + name + "'; database exists");
        }
        try (RemoteTransport t = Transports.open(url, credentials(p))) {
            if (unfinished.isPresent()) {
                // an earlier dolt_clone of the same URL was interrupted: fetch only what it did not store
                CloneOp.resume(unfinished.get(), t, url, remote, p.value("b", "branch"), TransferListener.NONE);
                return 0L;
            }
            if (t.listRefs().branches().isEmpty()) {
                throw new SqlError(ErrorCode.VERSIONING, "dolt_clone: remote " + url + " has no branches");
            }
            Repository repo = data.createEmpty(name);
            CloneOp.cloneIntoEmpty(repo, t, url, remote, p.value("b", "branch"), TransferListener.NONE);
        }
        return 0L;
    }

    /** {@code dolt_fetch([remote])}. */
    static long fetch(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_fetch", args, Set.of("u", "user"));
        String remote = p.positional().isEmpty() ? "origin" : p.positional().get(0);
        FetchOp.fetch(session.current().repo(), remote, credentials(p), TransferListener.NONE);
        return 0L;
    }

    /** {@code dolt_pull([remote [, branch]])}: fast_forward, conflicts, message. */
    static StatementResult pull(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_pull", args, Set.of("u", "user"));
        DatabaseState s = writable(session, "dolt_pull");
        session.commit(); // the merge works on the branch's committed working set
        List<String> pos = p.positional();
        Hash before = s.repo().branchHead(s.branch()).orElseThrow();
        PullOp.Result r = PullOp.pull(new BranchContext(s.repo(), s.branch()), pos.isEmpty() ? null : pos.get(0),
                pos.size() > 1 ? pos.get(1) : null, credentials(p), TransferListener.NONE,
                session.engine().author(session), null);
        MergeOutcome m = r.merge();
        long ff = m.kind() == MergeOutcome.Kind.FAST_FORWARD ? 1 : 0;
        long conflicts = m.kind() == MergeOutcome.Kind.CONFLICTS ? 1 : 0;
        String message = switch (m.kind()) {
            case UP_TO_DATE -> "Everything up-to-date";
            case FAST_FORWARD -> "Fast-forward " + before + ".." + m.commit();
            case CONFLICTS -> "merge has conflicts; see dolt_conflicts";
            default -> "merged " + r.merged();
        };
        return new StatementResult.Rows(List.of(ResultColumn.bigint("fast_forward"), ResultColumn.bigint("conflicts"),
                ResultColumn.text("message")), RowStream.of(List.<Object[]>of(new Object[] {ff, conflicts, message})));
    }

    /**
     * {@code dolt_push([-u|--set-upstream] [-f|--force] [--delete], remote, refspec)}: status, message.
     */
    static StatementResult push(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_push", args, Set.of("user"));
        DatabaseState s = writable(session, "dolt_push");
        List<String> pos = p.positional();
        String remote = pos.isEmpty() ? "origin" : pos.get(0);
        String spec = pos.size() > 1 ? pos.get(1) : s.branch();
        String src;
        String dst;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            src = colon == 0 ? null : spec.substring(0, colon);
            dst = spec.substring(colon + 1);
        } else {
            src = p.has("d", "delete") ? null : spec;
            dst = spec;
        }
        PushOp.Result r = PushOp.push(s.repo(), remote, src, dst, p.has("f", "force"), p.has("u", "set-upstream"),
                credentials(p), TransferListener.NONE);
        String message = switch (r.outcome()) {
            case UP_TO_DATE -> "Everything up-to-date";
            case DELETED -> "deleted " + remote + "/" + dst;
            default -> "pushed " + (src == null ? "" : src) + " -> " + remote + "/" + dst;
        };
        return new StatementResult.Rows(List.of(ResultColumn.bigint("status"), ResultColumn.text("message")),
                RowStream.of(List.<Object[]>of(new Object[] {0L, message})));
    }

    private static DatabaseState writable(Session session, String procedure) {
        DatabaseState s = session.current();
        if (s.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, procedure + ": database '" + s.name() + "' is read-only");
        }
        return s;
    }

    /** --user, else the server's SCION_REMOTE_USER, else root; the password from SCION_REMOTE_PASSWORD. */
    static RemoteCredentials credentials(ProcedureArgs p) {
        RemoteCredentials env = RemoteCredentials.fromEnvironment();
        String user = p.value("u", "user");
        return new RemoteCredentials(user != null ? user : env.user() != null ? env.user() : "root", env.password());
    }

    private static String lastSegment(String url) {
        String s = url.replaceAll("/+$", "");
        String last = s.substring(s.lastIndexOf('/') + 1);
        if (!DataDirectory.isValidName(last)) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_clone: name the database (cannot use '" + last + "')");
        }
        return last;
    }
}
