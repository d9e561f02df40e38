package dev.scion.it.slt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;

/**
 * What {@code bin/slt} runs: every sqllogictest file under the given paths (default shared/slt) on one server
 * (started from cli/target/scion.jar, or {@code -Dscion.it.server=HOST:PORT}), a fresh database per file. Prints the
 * pass rate per file as it goes and the overall rate at the end; the failing records with their messages go to
 * {@code target/slt-all-failures.txt}. A measurement, not the gate ({@link SltGateTest}).
 */
public final class SltMain {
    private SltMain() { }

    public static void main(String[] args) throws Exception {
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            roots.add(Path.of(a).toAbsolutePath());
        }
        if (roots.isEmpty()) {
            roots.add(Path.of("/work/shared/slt"));
        }
        List<SltOutcome> outcomes = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        Path failuresFile = ItConfig.targetDir().resolve("slt-all-failures.txt");
        try (ScionServerProcess server = ScionServerProcess.start("slt-all")) {
            for (Path root : roots) {
                Path base = Files.isDirectory(root) ? root : root.getParent();
                for (Path f : Files.isDirectory(root) ? SltFiles.under(root) : List.of(root)) {
                    SltOutcome o = SltFiles.run(server, base, f);
                    outcomes.add(o);
                    o.failures().forEach(x -> details.append(o.file()).append(':').append(x).append('\n'));
                    System.out.print(SltReport.render(List.of(o)).lines().findFirst().orElse("") + "\n");
                    System.out.flush();
                    Files.writeString(failuresFile, details, StandardCharsets.UTF_8);
                }
            }
        }
        System.out.println("----");
        System.out.print(SltReport.render(outcomes).lines().reduce((a, b) -> b).orElse("") + "\n");
        System.out.println("failures: " + failuresFile);
    }
}
