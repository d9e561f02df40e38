package dev.scion.it.scenario;

import dev.scion.scenario.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The scenario files of this module: {@code src/test/resources/scenarios/*.test}. */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /**
     * All {@code *.test} files under the classpath folder {@code scenarios/}, sorted by name; restricted to the
     * comma-separated names in {@code -Dscion.it.scenarios} when given.
     */
    public static List<Scenario> loadAll() {
        URL url = ScenarioFiles.class.getClassLoader().getResource("scenarios");
        if (url == null) {
            throw new AssertionError("no scenarios/ folder on the test classpath");
        }
        Path dir;
        try {
            dir = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        String only = System.getProperty("scion.it.scenarios", "").trim();
        Set<String> wanted = only.isEmpty() ? Set.of()
                : Arrays.stream(only.split(",")).map(String::trim).map(s -> s.replaceAll("\\.test$", ""))
                        .collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(dir)) {
            List<Scenario> all = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".test")).sorted().toList()) {
                String n = f.getFileName().toString().replaceAll("\\.test$", "");
                if (wanted.isEmpty() || wanted.contains(n)) {
                    all.add(Scenario.parse(n, f, Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
            if (all.isEmpty()) {
                throw new AssertionError("no scenario files selected in " + dir + (only.isEmpty() ? "" : " by " + only));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
