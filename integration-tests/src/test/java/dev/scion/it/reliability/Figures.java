package dev.scion.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.scion.it.harness.ItConfig;

/**
 * A suite's figures (trials, operations, faults injected, anything lost), printed and appended to
 * {@code target/reliability-figures.txt}, which {@code bin/reliability} shows at the end of a run.
 */
final class Figures {
    private final String suite;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String suite) {
        this.suite = suite;
    }

    Figures put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    String line() {
        return suite + " [" + ReliabilityForm.name() + "]: " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Prints the figures and appends them to the figures file. */
    void publish() {
        String line = line();
        System.out.println("RELIABILITY " + line);
        Path file = ItConfig.targetDir().resolve("reliability-figures.txt");
        try {
            Files.writeString(file, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
