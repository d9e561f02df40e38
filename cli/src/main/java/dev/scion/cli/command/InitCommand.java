package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Dates;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.UserConfig;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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

    @Override
    public Integer call() {
        Terminal term = Terminal.system();
        try {
            Path dir = Workspace.cwd();
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
            try (Repository repo = Repository.init(dir, who, branch, StoreOptions.defaults())) {
                repo.setDefaultBranch(branch);
            }
            term.out().println("Initialized empty scion database in " + dir.resolve(".scion"));
            return 0;
        } catch (RuntimeException e) {
            return RepoCommand.fail(term, e);
        } finally {
            term.flush();
        }
    }
}
