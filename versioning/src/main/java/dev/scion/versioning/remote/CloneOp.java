package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code clone}: a new database holding everything of a remote's branches and tags. Every remote branch
 * becomes a remote-tracking branch of {@code origin}, and one branch (the remote's default unless chosen)
 * is created locally with its upstream set, and made the default.
 *
 * <p>The new database is marked "clone in progress" until the end. Cloning again into a directory left by
 * an interrupted clone of the same URL resumes: the chunks it already stored are complete subtrees (see
 * {@link ChunkTransfer}), so they are pruned instead of fetched again.
 */
public final class CloneOp {
    static final String IN_PROGRESS = "config/clone_in_progress";

    public record Result(Repository repo, String branch, Hash head, TransferStats stats, boolean resumed) {
    }

    private CloneOp() {
    }

    /** Clones {@code url} into {@code dir}; the caller closes the returned repository. */
    public static Result clone(String url, Path dir, String remote, String branch, RemoteCredentials credentials,
                               TransferListener listener, StoreOptions options) {
        return clone(url, Destination.directory(dir, options), remote, branch, credentials, listener);
    }

    public static Result clone(String url, Destination dest, String remote, String branch,
                               RemoteCredentials credentials, TransferListener listener) {
        try (RemoteTransport transport = Transports.open(url, credentials)) {
            return cloneFrom(transport, url, dest, remote, branch, listener);
        }
    }

    public static Result cloneFrom(RemoteTransport transport, String url, Path dir, String remote, String branch,
                                   TransferListener listener, StoreOptions options) {
        return cloneFrom(transport, url, Destination.directory(dir, options), remote, branch, listener);
    }

    /**
     * Where a clone's database goes: a directory of its own (the CLI), or a subdirectory of a sql-server's data
     * directory that registers and keeps the database open (the CLI's clone run inside the server).
     */
    public interface Destination {
        Path dir();

        /** The database already in {@link #dir()}, opened (an interrupted clone to resume), or null if none. */
        Repository existing();

        Repository createEmpty();

        /** Gives back a repository after a failure: closed if the destination owns it, else left open. */
        void release(Repository repo);

        static Destination directory(Path dir, StoreOptions options) {
            return new Destination() {
                public Path dir() {
                    return dir;
                }

                public Repository existing() {
                    return Repository.isRepository(dir) ? Repository.open(dir, options) : null;
                }

                public Repository createEmpty() {
                    return Repository.createEmpty(dir, options);
                }

                public void release(Repository repo) {
                    repo.close();
                }
            };
        }

        /** Database {@code name} of a served data directory, which registers it and keeps it open. */
        static Destination inDataDirectory(DataDirectory data, String name) {
            return new Destination() {
                public Path dir() {
                    return data.root().resolve(name);
                }

                public Repository existing() {
                    return data.exists(name) ? data.open(name).orElse(null) : null;
                }

                public Repository createEmpty() {
                    return data.createEmpty(name);
                }

                public void release(Repository repo) {
                    // the data directory serves it: an unfinished clone stays, marked, for a later clone to resume
                }
            };
        }
    }

    /** Clones into {@code dest}, or resumes an interrupted clone of the same URL found there. */
    public static Result cloneFrom(RemoteTransport transport, String url, Destination dest, String remote,
                                   String branch, TransferListener listener) {
        boolean resumed = false;
        Path dir = dest.dir();
        Repository repo = dest.existing();
        if (repo != null) {
            if (!isUnfinishedCloneOf(repo, url)) {
                dest.release(repo);
                throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS, "fatal: destination path '"
                        + dir + "' already exists and is not an unfinished clone of " + url);
            }
            resumed = true;
        } else {
            if (Files.exists(dir) && !isEmptyDirectory(dir)) {
                throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS, "fatal: destination path '"
                        + dir + "' already exists and is not an empty directory");
            }
            if (transport.listRefs().branches().isEmpty()) { // also fails early for a missing remote
                throw new VersioningException(VersioningException.Reason.NOT_FOUND, "fatal: remote " + url
                        + " has no branches (an empty database cannot be cloned)");
            }
            repo = dest.createEmpty();
            repo.store().commit(Map.of(), List.of(RefUpdate.set(IN_PROGRESS, url.getBytes(StandardCharsets.UTF_8)),
                    RefUpdate.set(RemoteConfig.REMOTES + remote, url.getBytes(StandardCharsets.UTF_8))));
        }
        try {
            return cloneInto(repo, transport, url, remote, branch, listener, resumed);
        } catch (RuntimeException e) {
            dest.release(repo);
            throw e;
        }
    }

    /** Starts a clone into a database just created empty (the server's dolt_clone). */
    public static Result cloneIntoEmpty(Repository repo, RemoteTransport transport, String url, String remote,
                                        String branch, TransferListener listener) {
        repo.store().commit(Map.of(), List.of(RefUpdate.set(IN_PROGRESS, url.getBytes(StandardCharsets.UTF_8)),
                RefUpdate.set(RemoteConfig.REMOTES + remote, url.getBytes(StandardCharsets.UTF_8))));
        return cloneInto(repo, transport, url, remote, branch, listener, false);
    }

    /** True if {@code repo} was left by an interrupted clone of {@code url} (so cloning it again resumes). */
    public static boolean isUnfinishedCloneOf(Repository repo, String url) {
        byte[] marker = repo.store().readRef(IN_PROGRESS);
        return marker != null && new String(marker, StandardCharsets.UTF_8).equals(url);
    }

    /**
     * Finishes a clone of {@code url} that an interruption left in {@code repo} (the server's dolt_clone run
     * again): only the chunks still missing are fetched.
     */
    public static Result resume(Repository repo, RemoteTransport transport, String url, String remote, String branch,
                                TransferListener listener) {
        if (!isUnfinishedCloneOf(repo, url)) {
            throw new VersioningException(VersioningException.Reason.ALREADY_EXISTS, "fatal: destination '"
                    + repo.directory().getFileName() + "' already exists and is not an unfinished clone of " + url);
        }
        return cloneInto(repo, transport, url, remote, branch, listener, true);
    }

    private static Result cloneInto(Repository repo, RemoteTransport transport, String url, String remote,
                                    String branch, TransferListener listener, boolean resumed) {
        FetchOp.Result fetched = FetchOp.fetchFrom(repo, remote, transport, listener);
        String chosen = branch != null ? branch : fetched.remoteRefs().defaultBranch();
        if (fetched.remoteRefs().branches().isEmpty()) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "fatal: remote " + url
                    + " has no branches (an empty database cannot be cloned)");
        }
        Hash head = chosen == null ? null : fetched.remoteRefs().branch(chosen);
        if (head == null) {
            throw new VersioningException(VersioningException.Reason.NOT_FOUND, "fatal: Remote branch "
                    + chosen + " not found in " + url);
        }
        Hash root = repo.readCommit(head).root();
        repo.store().commit(Map.of(), List.of(
                RefUpdate.set(RefNames.branch(chosen), head.bytes()),
                RefUpdate.set(RefNames.workingSet(chosen), WorkingSet.clean(root).encode()),
                RefUpdate.set(RefNames.DEFAULT_BRANCH, chosen.getBytes(StandardCharsets.UTF_8)),
                RemoteConfig.upstreamUpdate(chosen, remote, chosen),
                RefUpdate.delete(IN_PROGRESS)));
        return new Result(repo, chosen, head, fetched.stats(), resumed);
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
