package dev.scion.it.harness;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs independent slow tests two at a time while still reporting each as its own dynamic test.
 *
 * <p>Why: the suite's slowest classes each keep one core busy and leave the machine's second one mostly idle: a CLI
 * scenario is a chain of commands, an sqllogictest file a chain of statements on one connection, a sysbench run one
 * client thread for a fixed time. Where the tests share nothing (own directories, own databases), two side by side
 * halve the wall time. All tests start as soon as the factory is called; each dynamic test waits for its own and
 * rethrows its failure. {@code -Dscion.it.sideBySide=1} runs them one by one.
 */
public final class SideBySide {
    private static final int THREADS = Math.max(1, Integer.getInteger("scion.it.sideBySide", 2));

    private SideBySide() {
    }

    /** Each test on whichever thread is free. */
    public static Stream<DynamicTest> run(Map<String, Executable> tests) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, SideBySide::daemon);
        return collect(submit(tests, name -> pool), List.of(pool));
    }

    /**
     * Tests in the same lane one after another, in the order given, and the lanes side by side: for tests that
     * share a lane's state (a database a run writes into) but nothing across lanes.
     */
    public static Stream<DynamicTest> inLanes(Map<String, Executable> tests, Function<String, String> laneOf) {
        Map<String, ExecutorService> lanes = new HashMap<>();
        ExecutorService oneByOne = THREADS == 1 ? Executors.newSingleThreadExecutor(SideBySide::daemon) : null;
        Function<String, ExecutorService> executor = name -> oneByOne != null ? oneByOne
                : lanes.computeIfAbsent(laneOf.apply(name), l -> Executors.newSingleThreadExecutor(SideBySide::daemon));
        Map<String, Future<?>> started = submit(tests, executor);
        List<ExecutorService> all = new ArrayList<>(lanes.values());
        if (oneByOne != null) {
            all.add(oneByOne);
        }
        return collect(started, all);
    }

    private static Map<String, Future<?>> submit(Map<String, Executable> tests,
                                                 Function<String, ExecutorService> executor) {
        Map<String, Future<?>> started = new LinkedHashMap<>();
        for (Map.Entry<String, Executable> e : tests.entrySet()) {
            Executable body = e.getValue();
            started.put(e.getKey(), executor.apply(e.getKey()).submit(() -> {
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
        return started;
    }

    private static Stream<DynamicTest> collect(Map<String, Future<?>> started, List<ExecutorService> executors) {
        executors.forEach(ExecutorService::shutdown);
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

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "side-by-side");
        t.setDaemon(true);
        return t;
    }
}
