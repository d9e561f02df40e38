package dev.scion.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scion version}. */
@Command(name = "version", description = "Print the Scion version.")
public final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public void run() {
        // the command line's writer, not System.out: inside the sql-server that is the caller's output
        spec.commandLine().getOut().println("scion version " + version());
        spec.commandLine().getOut().flush();
    }

    /** Supplies --version. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scion version " + version()};
        }
    }
}
