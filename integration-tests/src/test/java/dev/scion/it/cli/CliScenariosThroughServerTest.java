package dev.scion.it.cli;

import dev.scion.it.harness.SideBySide;
import dev.scion.it.harness.ItConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Server mode gives the same output as direct mode: CLI scenarios run again with a sql-server started on the
 * database right after {@code scion init}, so every later command (commit, branch, checkout, merge with data
 * and schema conflicts, conflicts cat/resolve, reset, tag, cherry-pick, revert, blame, import/export, dump, ...)
 * goes through the server, against the very expected output of the direct run.
 */
class CliScenariosThroughServerTest {
    /** The scenarios whose every command works with the database served (not fsck or clone, which need none). */
    private static final List<String> SCENARIOS = List.of("01-basics.scn", "02-merge-conflicts.scn",
            "03-import-export-dump.scn", "04-history-tools.scn", "07-graph-blame-picks-detached.scn",
            "09-check-constraints.scn");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> scenariosInServerMode() throws URISyntaxException {
        assumeFalse(ItConfig.isExternal(), "needs servers started on data directories of their own");
        Path dir = Path.of(CliScenariosThroughServerTest.class.getResource("/cli-scenarios").toURI());
        Map<String, Executable> scenarios = new LinkedHashMap<>();
        for (String name : SCENARIOS) {
            scenarios.put(name, () -> {
                CliScript script = CliScript.parse(dir.resolve(name));
                try (CliScriptRunner runner = new CliScriptRunner(Files.createDirectories(tmp.resolve(name)), true)) {
                    runner.run(script);
                }
            });
        }
        return SideBySide.run(scenarios);
    }
}
