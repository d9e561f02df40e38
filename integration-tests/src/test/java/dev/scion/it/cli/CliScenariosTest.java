package dev.scion.it.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every file in src/test/resources/cli-scenarios run against the real scion jar, each in a fresh directory. */
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
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CliScript script = CliScript.parse(f);
            try (CliScriptRunner runner = new CliScriptRunner(
                    Files.createDirectories(tmp.resolve(f.getFileName().toString())))) {
                runner.run(script);
            }
        }));
    }
}
