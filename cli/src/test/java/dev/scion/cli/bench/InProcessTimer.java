package dev.scion.cli.bench;

import dev.scion.cli.ScionCommand;

import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * Runs one scion command several times in this JVM (cwd = the database) with stdout to /dev/null and prints
 * each run's wall time: separates the command's own cost from JVM start-up.
 */
public final class InProcessTimer {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String[] cmd = java.util.Arrays.copyOfRange(args, 1, args.length);
        PrintStream real = System.out;
        for (int i = 0; i < rounds; i++) {
            System.setOut(new PrintStream(new FileOutputStream("/dev/null")));
            long t0 = System.nanoTime();
            int code = ScionCommand.commandLine().execute(cmd);
            long t1 = System.nanoTime();
            System.setOut(real);
            System.err.printf("round %d: %.1f ms (exit %d)%n", i + 1, (t1 - t0) / 1e6, code);
        }
    }
}
