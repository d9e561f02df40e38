package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.UserConfig;
import dev.scion.cli.support.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code scion config}: read and write settings (user.name, user.email, ...) globally or per database, as
 * {@code git config} does: {@code config [--global|--local] <name> [<value>]}, {@code --list}, {@code --unset}.
 */
@Command(name = "config", description = "Get and set user settings (user.name, user.email).")
public final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--global", description = "Use the global config (~/.scion/config.json).")
    boolean global;

    @Option(names = "--local", description = "Use this database's config.")
    boolean local;

    @Option(names = {"-l", "--list"}, description = "List every setting.")
    boolean list;

    @Option(names = "--unset", description = "Remove a setting.")
    boolean unset;

    @Option(names = "--get", description = "Print a setting (the default with one argument).")
    boolean get;

    @Parameters(arity = "0..2", paramLabel = "<name> [<value>]")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Terminal term = Terminal.system();
        try {
            Path db = Workspace.locate(Workspace.cwd());
            UserConfig cfg = UserConfig.forDatabase(db);
            if (list) {
                Map<String, String> m = global ? cfg.scope(true) : local ? cfg.scope(false) : cfg.all();
                m.forEach((k, v) -> term.out().println(k + "=" + v));
                return 0;
            }
            if (args.isEmpty()) {
                throw new CliError("usage: scion config [--global|--local] <name> [<value>] | --list | --unset <name>",
                        129);
            }
            String key = args.get(0);
            if (!key.matches("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+")) {
                throw new CliError("error: invalid key: " + key, 1);
            }
            // like git: writes go to the database's config inside one (unless --global), else to the global one
            boolean globalScope = global || (!local && db == null);
            if (unset) {
                cfg.set(globalScope, key, null);
                return 0;
            }
            if (args.size() == 2 && !get) {
                cfg.set(globalScope, key, args.get(1));
                return 0;
            }
            var v = global ? java.util.Optional.ofNullable(cfg.scope(true).get(key))
                    : local ? java.util.Optional.ofNullable(cfg.scope(false).get(key)) : cfg.get(key);
            if (v.isEmpty()) {
                return 1;
            }
            term.out().println(v.get());
            return 0;
        } catch (RuntimeException e) {
            return RepoCommand.fail(term, e);
        } finally {
            term.flush();
        }
    }
}
