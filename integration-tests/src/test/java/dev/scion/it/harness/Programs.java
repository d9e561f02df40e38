package dev.scion.it.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs other programs (the mariadb client and dump, the scion jar) to the end with a fixed environment added,
 * and returns what they printed; a wrong exit code fails the test with the output attached.
 */
public final class Programs {
    private final Map<String, String> env;
    private final Path scratch;

    /** {@code env} is added to every program's environment; {@code scratch} receives stderr files. */
    public Programs(Map<String, String> env, Path scratch) {
        this.env = Map.copyOf(env);
        this.scratch = scratch;
    }

    /** Stdout and stderr together; {@code stdin} may be null; {@code expectExit} -1 accepts any exit code. */
    public String run(Path dir, List<String> cmd, Path stdin, int expectExit) throws IOException,
            InterruptedException {
        return run(dir, cmd, stdin, expectExit, true);
    }

    /** Stdout only (stderr is shown when the exit code is wrong), for output that must stay clean, like a dump. */
    public String stdout(Path dir, List<String> cmd, Path stdin, int expectExit) throws IOException,
            InterruptedException {
        return run(dir, cmd, stdin, expectExit, false);
    }

    /** How a program ended: its exit code, stdout and stderr. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * Runs the program to the end with {@code stdin} (empty when null) and returns its exit code, stdout and stderr
     * apart, whatever the exit code; only a timeout fails.
     */
    public Result result(Path dir, List<String> cmd, Path stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private String run(Path dir, List<String> cmd, Path stdin, int expectExit, boolean mergeErrors)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(mergeErrors);
        pb.environment().putAll(env);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Path err = mergeErrors ? null : Files.createTempFile(scratch, "stderr", ".txt");
        if (err != null) {
            pb.redirectError(err.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        if (expectExit >= 0 && p.exitValue() != expectExit) {
            throw new AssertionError(cmd + " exited " + p.exitValue() + ":\n" + out
                    + (err == null ? "" : Files.readString(err, StandardCharsets.UTF_8)));
        }
        return out;
    }
}
