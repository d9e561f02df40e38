package dev.scion.cli.command;

import picocli.CommandLine.Command;

/** {@code scion table import|export}. */
@Command(name = "table", description = "Import and export table data.",
        subcommands = {TableImportCommand.class, TableExportCommand.class})
public final class TableCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }
}
