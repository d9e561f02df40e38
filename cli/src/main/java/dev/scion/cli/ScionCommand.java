package dev.scion.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scion} command: git-style subcommands for versioned databases. */
@Command(name = "scion", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "A MySQL-compatible database with Git-style version control.",
        subcommands = {SqlServerCommand.class, VersionCommand.class})
public final class ScionCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new ScionCommand()).execute(args);
        System.exit(code);
    }
}
