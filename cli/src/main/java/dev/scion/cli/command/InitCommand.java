package dev.scion.cli.command;

import dev.scion.cli.remote.ServerAddress;
import dev.scion.cli.remote.ServerForwarding;
import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Dates;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.UserConfig;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code scion init}: make the current directory a database with an initial commit. */
@Command(name = "init", description = "Create an empty database in the current directory.")
public final class InitCommand implements Callable<Integer> {
    @Option(names = "--name", description = "Author name of the initial commit (default: user.name).")
    String name;

    @Option(names = "--email", description = "Author email of the initial commit (default: user.email).")
    String email;

    @Option(names = {"-b", "--initial-branch"}, description = "Name of the first branch (default: ${DEFAULT-VALUE}).")
    String branch = "main";

    @Option(names = "--date", description = "Date of the initial commit.")
    String date;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal term = Terminal.system();
        try {
            Invocation inv = Invocation.current();
            Path dir = Workspace.cwd();
            if (!inv.isHosted() && spec != null && !Repository.isRepository(dir)) {
                if (ServerAddress.at(dir).isPresent()) {
                    throw new CliError("fatal: " + dir + " is the data directory of a running scion sql-server; "
                            + "make the database in a subdirectory of it (mkdir <name> && cd <name> && scion init)");
                }
                Optional<ServerAddress> server = dir.getParent() == null ? Optional.empty()
                        : ServerAddress.at(dir.getParent());
                if (server.isPresent()) {
                    // the server must know of the new database: it creates it (as CREATE DATABASE does)
                    return ServerForwarding.run(server.get(), inv,
                            spec.root().commandLine().getParseResult().originalArgs(), term);
                }
            }
            if (Repository.isRepository(dir)) {
                throw new CliError("fatal: this directory already holds a scion database", 1);
            }
            if (!RefNames.isValidBranchName(branch)) {
                throw new CliError("fatal: invalid branch name: " + branch);
            }
            UserConfig cfg = UserConfig.forDatabase(null);
            Signature who;
            if (name != null && email != null) {
                who = new Signature(name, email, Dates.nowOr("SCION_COMMITTER_DATE"));
            } else {
                who = Workspace.identity(cfg, "SCION_COMMITTER_DATE");
            }
            if (date != null) {
                who = who.at(Dates.parse(date));
            }
            if (inv.isHosted()) {
                createInServer(inv.hostedBy(), dir, who);
            } else {
                try (Repository repo = Repository.init(dir, who, branch, StoreOptions.defaults())) {
                    repo.setDefaultBranch(branch);
                }
            }
            term.out().println("Initialized empty scion database in " + dir.resolve(".scion"));
            return 0;
        } catch (RuntimeException e) {
            return RepoCommand.fail(term, e);
        } finally {
            term.flush();
        }
    }

    /**
     * Inside the sql-server: the new database is made through the server's data directory, which registers and
     * opens it, so SQL clients see it at once (the store stays open: the server owns it now).
     */
    private void createInServer(DataDirectory data, Path dir, Signature who) {
        if (!data.root().equals(dir.getParent())) {
            throw new CliError("fatal: " + dir + " is not a directory of the sql-server's data directory "
                    + data.root(), 128);
        }
        String db = dir.getFileName().toString();
        if (!DataDirectory.isValidName(db)) {
            throw new CliError("fatal: '" + db + "' cannot name a database of the sql-server");
        }
        data.create(db, who, branch).setDefaultBranch(branch);
    }
}
