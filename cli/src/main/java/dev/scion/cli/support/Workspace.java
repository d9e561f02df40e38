package dev.scion.cli.support;

import dev.scion.cli.remote.ServerAddress;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StorageException;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The database a command runs against, found from the current directory upwards as git finds a work tree (a
 * directory holding {@code .scion/store}), opened, with its checked-out branch and the user's identity.
 */
public final class Workspace implements AutoCloseable {
    private final Path dir;
    private final Repository repo;
    private final UserConfig config;
    /** The data directory this process opened the database through; null when the server's is borrowed. */
    private final DataDirectory owned;
    private final SqlCheckEvaluator checks;

    private Workspace(Path dir, Repository repo, DataDirectory owned, SqlCheckEvaluator checks) {
        this.dir = dir;
        this.repo = repo;
        this.config = UserConfig.forDatabase(dir);
        this.owned = owned;
        this.checks = checks;
    }

    /** The nearest enclosing database directory, if any. */
    public static Path locate(Path start) {
        Path p = start.toAbsolutePath().normalize();
        while (p != null) {
            if (Repository.isRepository(p)) {
                return p;
            }
            p = p.getParent();
        }
        return null;
    }

    /** The caller's working directory (the CLI process's, also when the command runs inside the server). */
    public static Path cwd() {
        return Invocation.current().cwd();
    }

    public static Workspace open() {
        Path dir = locate(cwd());
        if (dir == null) {
            throw new CliError("fatal: not a scion database (or any of the parent directories): .scion", 128);
        }
        Invocation inv = Invocation.current();
        if (inv.isHosted()) {
            return hosted(dir, inv);
        }
        DataDirectory data = null;
        try {
            // through a data directory of its own, so a SQL evaluator for CHECKs can share the one open store
            data = new DataDirectory(dir, StoreOptions.defaults());
            Repository repo = data.open(dir.getFileName().toString()).orElseThrow();
            return new Workspace(dir, repo, data, SqlCheckEvaluator.overDataDirectory(data));
        } catch (StorageException e) {
            if (data != null) {
                data.close();
            }
            if (RocksChunkStore.isInUse(e)) {
                throw new StoreInUseError(dir, "fatal: " + e.getMessage() + "\nhint: " + ServerAddress.whyNotFound(dir)
                        + "; if a 'scion sql-server' owns this database, use a SQL client or stop the server");
            }
            throw new CliError("fatal: " + e.getMessage(), 1);
        }
    }

    /**
     * Inside the server: the server's open repository of the database, which the command borrows (the server
     * keeps it open). Only databases of the server's data directory qualify.
     */
    private static Workspace hosted(Path dir, Invocation inv) {
        DataDirectory data = inv.hostedBy();
        Path root = data.root();
        String name = dir.equals(root) || root.equals(dir.getParent()) ? dir.getFileName().toString() : null;
        Repository repo = name == null ? null : data.open(name).orElse(null);
        if (repo == null) {
            throw new CliError("fatal: " + dir + " is not a database of the sql-server's data directory " + root, 128);
        }
        return new Workspace(dir, repo, null, SqlCheckEvaluator.inSession(inv.host()));
    }

    public Path dir() {
        return dir;
    }

    public Repository repo() {
        return repo;
    }

    public UserConfig config() {
        return config;
    }

    /**
     * The checked-out branch (the database's default branch, which sql-server sessions also start on), or null
     * while HEAD is detached.
     */
    public String branch() {
        return detached().isPresent() ? null : repo.defaultBranch();
    }

    /** The checked-out branch, or the detached commit (read-only) after {@code scion checkout <commit>}. */
    public BranchContext context() {
        Optional<Hash> d = detached();
        return d.isPresent() ? BranchContext.detached(repo, d.get())
                : new BranchContext(repo, repo.defaultBranch()).withConstraintChecker(checks);
    }

    /**
     * The commit HEAD is detached at, if it is. Kept in {@code .scion/DETACHED_HEAD} like git's HEAD file: a
     * property of this CLI work tree, not of the database, so SQL sessions and the server's default branch are
     * unaffected, and server-mode commands (which run with the caller's directory) read the same file.
     */
    public Optional<Hash> detached() {
        Path f = detachedFile();
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Hash.parse(Files.readString(f, StandardCharsets.UTF_8).strip()));
        } catch (IOException | RuntimeException e) {
            throw new CliError("fatal: unreadable " + f + ": " + e.getMessage(), 128);
        }
    }

    public void detach(Hash commit) {
        Path f = detachedFile();
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, commit + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliError("fatal: cannot write " + f + ": " + e.getMessage(), 128);
        }
    }

    /** Back on a branch: HEAD is no longer detached. */
    public void attach() {
        try {
            Files.deleteIfExists(detachedFile());
        } catch (IOException e) {
            throw new CliError("fatal: cannot remove " + detachedFile() + ": " + e.getMessage(), 128);
        }
    }

    private Path detachedFile() {
        return dir.resolve(".scion").resolve("DETACHED_HEAD");
    }

    /** user.name and user.email from the config, at SCION_COMMITTER_DATE or now. */
    public Signature committer() {
        return identity(config, "SCION_COMMITTER_DATE");
    }

    public static Signature identity(UserConfig config, String dateVar) {
        String name = config.get("user.name").orElse(null);
        String email = config.get("user.email").orElse(null);
        if (name == null || email == null) {
            throw new CliError("Author identity unknown\n\n*** Please tell me who you are.\n\nRun\n\n"
                    + "  scion config --global user.email \"you@example.com\"\n"
                    + "  scion config --global user.name \"Your Name\"\n");
        }
        return new Signature(name, email, Dates.nowOr(dateVar));
    }

    public static boolean exists(Path p) {
        return Files.exists(p);
    }

    @Override
    public void close() {
        checks.close();
        if (owned != null) {
            owned.close();
        }
    }
}
