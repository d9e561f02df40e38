package dev.scion.cli.support;

import dev.scion.storage.chunk.StorageException;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database a command runs against, found from the current directory upwards as git finds a work tree (a
 * directory holding {@code .scion/store}), opened, with its checked-out branch and the user's identity.
 */
public final class Workspace implements AutoCloseable {
    private final Path dir;
    private final Repository repo;
    private final UserConfig config;
    private final boolean borrowed;

    private Workspace(Path dir, Repository repo, boolean borrowed) {
        this.dir = dir;
        this.repo = repo;
        this.config = UserConfig.forDatabase(dir);
        this.borrowed = borrowed;
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
            return hosted(dir, inv.hostedBy());
        }
        try {
            return new Workspace(dir, Repository.open(dir, StoreOptions.defaults()), false);
        } catch (StorageException e) {
            throw new CliError("fatal: " + e.getMessage()
                    + "\nhint: a running 'scion sql-server' owns this database; use a SQL client or stop the server",
                    1);
        }
    }

    /**
     * Inside the server: the server's open repository of the database, which the command borrows (the server
     * keeps it open). Only databases of the server's data directory qualify.
     */
    private static Workspace hosted(Path dir, DataDirectory data) {
        Path root = data.root();
        String name = dir.equals(root) || root.equals(dir.getParent()) ? dir.getFileName().toString() : null;
        Repository repo = name == null ? null : data.open(name).orElse(null);
        if (repo == null) {
            throw new CliError("fatal: " + dir + " is not a database of the sql-server's data directory " + root, 128);
        }
        return new Workspace(dir, repo, true);
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

    /** The checked-out branch (the database's default branch, which sql-server sessions also start on). */
    public String branch() {
        return repo.defaultBranch();
    }

    public BranchContext context() {
        return new BranchContext(repo, branch());
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
        if (!borrowed) {
            repo.close();
        }
    }
}
