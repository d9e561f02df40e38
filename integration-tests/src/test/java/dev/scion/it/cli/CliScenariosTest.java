package dev.scion.it.cli;

import dev.scion.it.harness.SideBySide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every file in src/test/resources/cli-scenarios run through scion's command line (see {@link CliScriptRunner}),
 * each in a fresh directory (two scenarios at a time, see {@link SideBySide}).
 */
class CliScenariosTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(CliScenariosTest.class.getResource("/cli-scenarios").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".scn")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new AssertionError("no scenario files in " + dir);
        }
        Map<String, Executable> scenarios = new LinkedHashMap<>();
        for (Path f : files) {
            scenarios.put(f.getFileName().toString(), () -> {
                CliScript script = CliScript.parse(f);
                try (CliScriptRunner runner = new CliScriptRunner(
                        Files.createDirectories(tmp.resolve(f.getFileName().toString())))) {
                    runner.run(script);
                }
            });
        }
        return SideBySide.run(scenarios);
    }
}
