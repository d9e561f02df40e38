package dev.scion.it.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.JarCommand;

/** Runs {@code scion fsck --data-dir DIR} from the built jar against a data directory no server holds. */
final class Fsck {
    private Fsck() {
    }

    /** The exit code and everything the command printed. */
    record Result(int exitCode, String output) {
        boolean clean() {
            return exitCode == 0;
        }
    }

    static Result run(Path dataDir) {
        List<String> cmd = new ArrayList<>(JarCommand.shortCommand());
        cmd.addAll(List.of("fsck", "--data-dir", dataDir.toString()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes(); // ends when the process exits
            if (!p.waitFor(ItConfig.clientTimeout().toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("scion fsck did not finish: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + cmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
