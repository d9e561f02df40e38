package dev.scion.it.slt;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;

/**
 * What {@code bin/slt} runs: every file under {@code -Dscion.slt.dir} (shared/slt) on one server, a fresh database
 * per file, printing the pass rate per file and overall to stdout and {@code target/slt-all-report.txt}. This is a
 * measurement, not the gate ({@link SltGateTest}): it fails only when no file could be run at all. Skipped unless
 * the property is set.
 */
@EnabledIfSystemProperty(named = "scion.slt.dir", matches = ".+")
class SltAllTest {

    @Test
    void runAll() throws Exception {
        Path root = Path.of(System.getProperty("scion.slt.dir")).toAbsolutePath();
        List<SltOutcome> outcomes = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        try (ScionServerProcess server = ScionServerProcess.start("slt-all")) {
            for (Path f : SltFiles.under(root)) {
                SltOutcome o = SltFiles.run(server, root, f);
                outcomes.add(o);
                o.failures().forEach(x -> details.append(o.file()).append(':').append(x).append('\n'));
                String line = SltReport.render(List.of(o)).lines().findFirst().orElse("");
                System.out.println(line);
                Files.writeString(ItConfig.targetDir().resolve("slt-all-failures.txt"), details,
                        StandardCharsets.UTF_8);
            }
        }
        String report = SltReport.render(outcomes);
        Files.writeString(ItConfig.targetDir().resolve("slt-all-report.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        assertFalse(outcomes.isEmpty(), "no sqllogictest files under " + root);
    }
}
