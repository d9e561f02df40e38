package dev.scion.cli;

import dev.scion.cli.command.AddCommand;
import dev.scion.cli.command.FsckCommand;
import dev.scion.cli.command.GcCommand;
import dev.scion.cli.command.BackupCommand;
import dev.scion.cli.command.RemoteCommand;
import dev.scion.cli.command.CloneCommand;
import dev.scion.cli.command.FetchCommand;
import dev.scion.cli.command.PullCommand;
import dev.scion.cli.command.PushCommand;
import dev.scion.cli.command.BlameCommand;
import dev.scion.cli.command.BranchCommand;
import dev.scion.cli.command.CheckoutCommand;
import dev.scion.cli.command.CherryPickCommand;
import dev.scion.cli.command.CleanCommand;
import dev.scion.cli.command.CommitCommand;
import dev.scion.cli.command.ConfigCommand;
import dev.scion.cli.command.ConflictsCommand;
import dev.scion.cli.command.DiffCommand;
import dev.scion.cli.command.DumpCommand;
import dev.scion.cli.command.InitCommand;
import dev.scion.cli.command.LogCommand;
import dev.scion.cli.command.MergeBaseCommand;
import dev.scion.cli.command.MergeCommand;
import dev.scion.cli.command.ResetCommand;
import dev.scion.cli.command.RevertCommand;
import dev.scion.cli.command.RmCommand;
import dev.scion.cli.command.ShowCommand;
import dev.scion.cli.command.SqlCommand;
import dev.scion.cli.command.StatusCommand;
import dev.scion.cli.command.TableCommand;
import dev.scion.cli.command.TagCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code scion} command: git-style subcommands for versioned databases. */
@Command(name = "scion", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "A MySQL-compatible database with Git-style version control.",
        subcommands = {InitCommand.class, StatusCommand.class, AddCommand.class, CommitCommand.class,
                LogCommand.class, ShowCommand.class, DiffCommand.class, BranchCommand.class, CheckoutCommand.class,
                MergeCommand.class, MergeBaseCommand.class, ResetCommand.class, TagCommand.class,
                CherryPickCommand.class, RevertCommand.class, RmCommand.class, CleanCommand.class,
                BlameCommand.class, ConflictsCommand.class, TableCommand.class, DumpCommand.class,
                ConfigCommand.class, SqlCommand.class, SqlServerCommand.class, VersionCommand.class,
                GcCommand.class, FsckCommand.class, RemoteCommand.class, CloneCommand.class, FetchCommand.class,
                PullCommand.class, PushCommand.class, BackupCommand.class})
public final class ScionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut()); // the caller's output, also inside the sql-server
        spec.commandLine().getOut().flush();
    }

    /** The configured command line: usage errors go to stderr with git's exit code 129. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** The same, printing usage and help to the given writers (a command run inside the sql-server). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ScionCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 129;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
