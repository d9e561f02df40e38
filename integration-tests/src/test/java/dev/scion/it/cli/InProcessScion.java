package dev.scion.it.cli;

import dev.scion.cli.ScionCommand;
import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code scion} command line inside the test JVM: the jar's own picocli command line
 * ({@link ScionCommand#commandLine}), with the step's directory, environment and time zone given through an
 * {@link Invocation} the way a command run inside the sql-server gets them, and its output captured.
 *
 * <p>Why: a CLI scenario step used to be a JVM of its own, and start-up was nearly all of the scenario classes'
 * time (a thousand starts, each about a second of CPU). What a step tests, the command's parsing, work and output,
 * is the same code either way; only {@code main}'s {@code System.exit} is left out, and that is covered by the
 * tests that still start the jar (server mode's forwarding, Seed001CliTest, GitGraphParityTest, the server tests).
 * A step that reads standard input still runs as a process: commands read stdin from the JVM's own stream.
 */
final class InProcessScion {
    private InProcessScion() {
    }

    static CommandOutput run(List<String> args, Path cwd, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        // not a terminal: no colour, no progress bars, as with the process's redirected output
        Terminal term = new Terminal(outStream, errStream, false, false);
        ZoneId zone = ZoneId.of(env.getOrDefault("TZ", "UTC"));
        Invocation invocation = new Invocation(cwd, env, zone, term, null);
        int exit = Invocation.runHosted(invocation, () -> ScionCommand.commandLine(
                new PrintWriter(outStream, true, StandardCharsets.UTF_8),
                new PrintWriter(errStream, true, StandardCharsets.UTF_8)).execute(args.toArray(String[]::new)));
        term.flush();
        return new CommandOutput(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
