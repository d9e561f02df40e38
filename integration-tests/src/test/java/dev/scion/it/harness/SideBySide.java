package dev.scion.it.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs independent scenarios two at a time while still reporting each as its own dynamic test.
 *
 * <p>Why: a CLI scenario is a few dozen short {@code scion} processes run one after another, each mostly one core's
 * worth of JVM start-up, so a scenario leaves the machine's second core idle. Every scenario has its own
 * directory, SCION_HOME and servers on free ports, so two can run side by side; this halves the wall time of the
 * CLI scenario classes, the largest part of the test command. All scenarios start as soon as the factory is
 * called; each dynamic test waits for its own and rethrows its failure. {@code -Dscion.it.scenarioThreads=1} runs
 * them one by one.
 */
final class ScenarioPool {
    private ScenarioPool() {
    }

    static Stream<DynamicTest> run(Map<String, Executable> scenarios) {
        int threads = Math.max(1, Integer.getInteger("scion.it.scenarioThreads", 2));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scenario");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<?>> started = new LinkedHashMap<>();
        for (Map.Entry<String, Executable> e : scenarios.entrySet()) {
            Executable body = e.getValue();
            started.put(e.getKey(), pool.submit(() -> {
                try {
                    body.execute();
                } catch (Exception | Error ex) {
                    throw ex;
                } catch (Throwable t) {
                    throw new AssertionError(t);
                }
                return null;
            }));
        }
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        started.forEach((name, future) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            try {
                future.get();
            } catch (ExecutionException ex) {
                throw ex.getCause();
            }
        })));
        return tests.stream();
    }
}
