package dev.scion.cli.command;

import picocli.CommandLine.Command;

/** {@code scion table import|export}. */
@Command(name = "table", description = "Import and export table data.",
        subcommands = {TableImportCommand.class, TableExportCommand.class})
public final class TableCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut()); // the caller's output, also inside the sql-server
        spec.commandLine().getOut().flush();
    }
}
