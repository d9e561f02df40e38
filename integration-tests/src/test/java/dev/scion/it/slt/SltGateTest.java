package dev.scion.it.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.SideBySide;

/**
 * The sqllogictest gate (issue 6): select1-5 and evidence/ (copies of shared/slt in src/test/resources/slt) on one
 * server, a fresh database per file, two files at a time ({@link SideBySide}). Every record must pass except those
 * listed in {@code slt/expected-failures.txt}, and that list is checked exactly: a listed record that now passes
 * fails the test too, so the list can only shrink until it is empty.
 *
 * <p>After a run, {@code target/slt-failures.txt} holds the current failures in the list's format and
 * {@code target/slt-gate-report.txt} the pass rate per file.
 */
class SltGateTest {
    private static final List<String> GATE = List.of("select1.test", "select2.test", "select3.test", "select4.test",
            "select5.test", "evidence");

    /**
     * The server runs with C2 (the harness's default stops at C1 to start short-lived servers fast): it plans and runs
     * some 11,000 distinct statements here, where C2's code saves more than its compiling costs.
     */
    @ManagedServer(value = "slt-gate", jvmArgs = "-XX:TieredStopAtLevel=4") private static ScionServerProcess server;
    private static final Map<String, SltOutcome> OUTCOMES = new TreeMap<>();

    @AfterAll
    static void writeReportsAfterAll() throws IOException {
        writeReports();
    }

    @TestFactory
    Stream<DynamicTest> gateFiles() {
        Path root = resourceRoot();
        Set<String> expected = expectedFailures(root);
        List<Path> files = new ArrayList<>();
        for (String g : GATE) {
            files.addAll(SltFiles.under(root.resolve(g)));
        }
        Map<String, Executable> checks = new LinkedHashMap<>();
        files.forEach(f -> checks.put(root.relativize(f).toString(), () -> {
            SltOutcome o = SltFiles.run(server, root, f);
            synchronized (OUTCOMES) {
                OUTCOMES.put(o.file(), o);
            }
            Set<String> actual = new TreeSet<>();
            o.failures().forEach(x -> actual.add(o.file() + ":" + x.line()));
            Set<String> listed = new TreeSet<>();
            expected.stream().filter(e -> e.startsWith(o.file() + ":")).forEach(listed::add);
            List<String> unexpected = new ArrayList<>();
            for (SltOutcome.Failure x : o.failures()) {
                if (!listed.contains(o.file() + ":" + x.line())) {
                    unexpected.add(o.file() + ":" + x);
                }
            }
            List<String> nowPassing = listed.stream().filter(e -> !actual.contains(e)).toList();
            if (!unexpected.isEmpty() || !nowPassing.isEmpty()) {
                fail(o.file() + ": " + unexpected.size() + " unexpected failures"
                        + (unexpected.isEmpty() ? "" : " (first: " + String.join("\n  ",
                                unexpected.subList(0, Math.min(20, unexpected.size()))) + ")")
                        + "; " + nowPassing.size() + " listed failures now pass (remove them from"
                        + " slt/expected-failures.txt): " + nowPassing.subList(0, Math.min(20, nowPassing.size())));
            }
            assertTrue(o.run() > 0, o.file() + " ran no records");
        }));
        return SideBySide.run(checks);
    }

    private static Path resourceRoot() {
        try {
            return Path.of(SltGateTest.class.getResource("/slt/select1.test").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> expectedFailures(Path root) {
        Path list = root.resolve("expected-failures.txt");
        Set<String> s = new TreeSet<>();
        try {
            for (String l : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String t = l.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    s.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    private static void writeReports() throws IOException {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        StringBuilder failures = new StringBuilder();
        for (SltOutcome o : OUTCOMES.values()) {
            for (SltOutcome.Failure f : o.failures()) {
                failures.append(o.file()).append(':').append(f.line()).append('\n');
            }
        }
        Files.writeString(ItConfig.targetDir().resolve("slt-failures.txt"), failures, StandardCharsets.UTF_8);
        StringBuilder details = new StringBuilder();
        for (SltOutcome o : OUTCOMES.values()) {
            for (SltOutcome.Failure f : o.failures()) {
                details.append(o.file()).append(':').append(f).append('\n');
            }
        }
        Files.writeString(ItConfig.targetDir().resolve("slt-failure-details.txt"), details, StandardCharsets.UTF_8);
        String report = SltReport.render(OUTCOMES.values());
        Files.writeString(ItConfig.targetDir().resolve("slt-gate-report.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }
}
