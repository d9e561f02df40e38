package dev.scion.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code scion} command run as a separate process from the built jar, with its own SCION_HOME (user
 * config) and its output captured to files, so a test can also start one and kill it midway.
 */
public final class ScionCli {
    private final Path home;
    private final Path scratch;

    /** Output files and config go under {@code scratch}. */
    public ScionCli(Path scratch) throws IOException {
        this.scratch = scratch;
        this.home = Files.createDirectories(scratch.resolve("home"));
    }

    /** What a finished command printed and returned. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A command still running. */
    public final class Running {
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        public Process process() {
            return process;
        }

        /** Waits for the command; kills it and fails after {@code seconds}. */
        public Result finish(long seconds) throws IOException, InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("scion did not finish within " + seconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip(),
                    Files.readString(err, StandardCharsets.UTF_8).strip());
        }
    }

    /** Starts {@code scion args...} in {@code dir}. */
    public Running start(Path dir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(JarCommand.shortCommand());
        cmd.addAll(args);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("SCION_HOME", home.toString());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new Running(pb.start(), out, err);
    }

    /** Runs {@code scion args...} in {@code dir} to the end. */
    public Result run(Path dir, List<String> args, long seconds) throws IOException, InterruptedException {
        return start(dir, args).finish(seconds);
    }
}
