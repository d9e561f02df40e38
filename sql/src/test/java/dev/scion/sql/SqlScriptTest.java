package dev.scion.sql;

import dev.scion.scenario.Scenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs every {@code scripts/**}{@code /*.test} resource on a fresh engine and data directory. Select files with
 * {@code -Dscion.scripts=ddl/create,dml} (path prefixes relative to the scripts folder).
 */
class SqlScriptTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> scripts() throws Exception {
        Path root = Paths.get(SqlScriptTest.class.getResource("/scripts").toURI());
        String only = System.getProperty("scion.scripts", "");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".test")).sorted()
                    .filter(p -> only.isBlank() || Stream.of(only.split(","))
                            .anyMatch(prefix -> root.relativize(p).toString().startsWith(prefix.strip())))
                    .toList();
        }
        assertFalse(files.isEmpty(), "no scripts under " + root);
        return files.stream().map(f -> {
            String name = root.relativize(f).toString();
            return DynamicTest.dynamicTest(name, () -> runFile(name, f));
        });
    }

    private void runFile(String name, Path file) throws IOException {
        Scenario script = Scenario.parse(name.replaceAll("\\.test$", ""), file,
                Files.readString(file, StandardCharsets.UTF_8));
        Path dir = Files.createTempDirectory(temp, "data");
        try (SqlScriptRunner runner = new SqlScriptRunner(dir)) {
            runner.run(script);
        }
    }
}
