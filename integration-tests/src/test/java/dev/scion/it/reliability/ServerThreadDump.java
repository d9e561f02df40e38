package dev.scion.it.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.scion.it.harness.ItConfig;

/**
 * A thread dump of the server process serving a data directory, taken with {@code jcmd} when a suite's bounded
 * wait runs out: the evidence a deadlock report needs.
 */
final class ServerThreadDump {
    private ServerThreadDump() {
    }

    static String of(Path dataDir) {
        Optional<ProcessHandle> server = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(dataDir.toString()))
                        .orElse(false))
                .findFirst();
        if (server.isEmpty()) {
            return "(no server process found for " + dataDir + ")";
        }
        Path jcmd = Path.of(ItConfig.javaExecutable()).resolveSibling("jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(server.get().pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(jcmd failed: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** The test JVM's own threads (the clients), to show which statement each one waits on. */
    static String clients() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            sb.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
            for (StackTraceElement e : stack) {
                sb.append("    at ").append(e).append('\n');
            }
        });
        return sb.toString();
    }
}
