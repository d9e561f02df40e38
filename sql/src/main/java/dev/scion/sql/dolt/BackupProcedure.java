package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.remote.BackupConfig;
import dev.scion.versioning.remote.BackupOp;
import dev.scion.versioning.remote.RemoteTransport;
import dev.scion.versioning.remote.TransferListener;
import dev.scion.versioning.remote.Transports;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dolt_backup}: {@code ('add', name, url)}, {@code ('remove', name)}, {@code ('sync', name)},
 * {@code ('sync-url', url)} and {@code ('restore', url, new_db [, '--force'])}. A sync copies the branch's
 * committed state (what other sessions see), not the caller's open transaction.
 */
final class BackupProcedure {
    private static final String AWS_OPTIONS = "['--aws-region=<region>'], ['--aws-creds-type=<type>'], "
            + "['--aws-creds-file=<file>'], ['--aws-creds-profile=<profile>']";
    private static final String ADD_USAGE = "usage: dolt_backup('add', 'name', 'url', " + AWS_OPTIONS + ")";
    private static final String RESTORE_USAGE = "usage: dolt_backup('restore', 'remote_url', 'new_db_name', "
            + "['--force'], " + AWS_OPTIONS + ")";

    private BackupProcedure() {
    }

    static long call(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_backup", args, Set.of("u", "user"));
        List<String> pos = p.positional();
        if (pos.isEmpty()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "error: invalid argument, use 'dolt_backups' system table to list backups");
        }
        String action = pos.get(0).toLowerCase(java.util.Locale.ROOT);
        List<String> rest = pos.subList(1, pos.size());
        switch (action) {
            case "add" -> {
                require(rest.size() == 2, ADD_USAGE);
                BackupConfig.add(session.current().repo(), rest.get(0), rest.get(1));
            }
            case "remove", "rm" -> {
                require(rest.size() == 1, "usage: dolt_backup('remove', 'name')");
                BackupConfig.remove(session.current().repo(), rest.get(0));
            }
            case "sync" -> {
                require(rest.size() == 1, "usage: dolt_backup('sync', 'name')");
                BackupOp.sync(session.current().repo(), rest.get(0), RemoteProcedures.credentials(p),
                        TransferListener.NONE);
            }
            case "sync-url" -> {
                require(rest.size() == 1, "usage: dolt_backup('sync-url', 'remote_url')");
                BackupOp.syncUrl(session.current().repo(), rest.get(0), RemoteProcedures.credentials(p),
                        TransferListener.NONE);
            }
            case "restore" -> {
                require(rest.size() == 2, RESTORE_USAGE);
                restore(session, rest.get(0), rest.get(1), p.has("force"), p);
            }
            default -> throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "error: invalid argument: dolt_backup takes "
                    + "'add', 'remove', 'sync', 'sync-url' or 'restore', not '" + pos.get(0) + "'");
        }
        return 0L;
    }

    /** Restores the backup at {@code url} as database {@code name}; {@code force} replaces one of that name. */
    private static void restore(Session session, String url, String name, boolean force, ProcedureArgs p) {
        if (!DataDirectory.isValidName(name)) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_backup: invalid database name '" + name + "'");
        }
        DataDirectory data = session.engine().dataDirectory();
        Optional<String> existing = data.canonicalName(name);
        if (existing.isPresent() && !force) {
            throw new SqlError(ErrorCode.DB_CREATE_EXISTS, "database '" + name
                    + "' already exists, use '--force' to overwrite");
        }
        // a relative path means the same as in 'add' and 'sync-url': relative to the current database's directory
        java.nio.file.Path base = session.currentDatabase() == null ? data.root() : session.current().repo().directory();
        // open the backup first: a bad URL must not cost the database --force would replace
        try (RemoteTransport t = Transports.open(url, base, RemoteProcedures.credentials(p))) {
            BackupOp.requireBackup(t);
            if (existing.isPresent()) {
                session.engine().dropDatabase(existing.get());
            }
            Repository repo = data.createEmpty(name);
            try {
                BackupOp.restoreInto(repo, t, TransferListener.NONE);
            } catch (RuntimeException e) {
                session.engine().dropDatabase(name); // a half-restored database is worse than none
                throw e;
            }
        }
    }

    private static void require(boolean ok, String usage) {
        if (!ok) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, usage);
        }
    }
}
