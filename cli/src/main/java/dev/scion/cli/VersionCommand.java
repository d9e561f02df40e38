package dev.scion.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scion version}. */
@Command(name = "version", description = "Print the Scion version.")
public final class VersionCommand implements Runnable {

    static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public void run() {
        System.out.println("scion version " + version());
    }

    /** Supplies --version. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scion version " + version()};
        }
    }
}
