package dev.scion.it.clients;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.SideBySide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sysbench 1.0 (libmariadb) runs each OLTP test of shared/spec/benchmarks.md against the real server with
 * server-side prepared statements (--db-ps-mode=auto, the default) and with the text protocol (=disable): zero
 * errors, each for 10 s as issue 5 asks (-Dscion.it.sysbenchSeconds to change it): long enough that the prepared
 * statements are executed thousands of times and every code path of a test (the random ranges, the delete and
 * re-insert of oltp_write_only, auto-increment keys of oltp_insert) is hit. Nothing asserts on the rate; this is a
 * protocol correctness test, the benchmark itself is bin/bench-sysbench. Two tables, so that every connection
 * holds several prepared statements at once.
 *
 * <p>The two modes run side by side ({@link SideBySide#inLanes}), each in a database of its own that its runs
 * prepare and write one after another: the 14 runs of 10 s take 70 s of wall time instead of 140, and each run is
 * still one client thread alone on its tables.
 */
class SysbenchTest {
    private static final int SECONDS = Integer.getInteger("scion.it.sysbenchSeconds", 10);
    private static final Pattern IGNORED = Pattern.compile("ignored errors:\\s+(\\d+)");
    private static final Pattern EVENTS = Pattern.compile("total number of events:\\s+(\\d+)");
    @ManagedServer("clients-sysbench") private static ScionServerProcess server;

    private static final List<String> TESTS = List.of("oltp_point_select", "oltp_read_only", "oltp_write_only",
            "oltp_read_write", "oltp_insert", "oltp_update_index", "select_random_ranges");
    private static final List<String> PS_MODES = List.of("auto", "disable");

    /** The database of a --db-ps-mode's lane. */
    private static String database(String psMode) {
        return "sbtest_" + psMode;
    }

    @BeforeAll
    static void prepare() throws Exception {
        for (String mode : PS_MODES) {
            server.dropDatabasesIfExternal(database(mode));
            try (Connection c = ConnectorJ.V9.connect(server, null, false); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + database(mode));
            }
            Run r = sysbench(database(mode), "oltp_read_write", "prepare");
            assertEquals(0, r.exitCode, r.output);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run sysbench(String db, String test, String command, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sysbench", test, "--mysql-host=" + server.host(),
                "--mysql-port=" + server.port(), "--mysql-user=" + server.user(), "--mysql-db=" + db,
                "--tables=2", "--table-size=1000"));
        if (!server.password().isEmpty()) {
            cmd.add("--mysql-password=" + server.password());
        }
        cmd.addAll(List.of(options));
        cmd.add(command);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot run sysbench (bin/test installs it): " + e, e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(ItConfig.clientTimeout().toSeconds() * 5 + SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sysbench did not finish: " + cmd + "\n" + out);
        }
        return new Run(p.exitValue(), out);
    }

    @TestFactory
    Stream<DynamicTest> runsWithoutErrors() {
        Map<String, Executable> runs = new LinkedHashMap<>();
        for (String test : TESTS) {
            for (String mode : PS_MODES) {
                runs.put(test + " --db-ps-mode=" + mode, () -> runWithoutErrors(test, mode));
            }
        }
        return SideBySide.inLanes(runs, name -> name.substring(name.indexOf('=') + 1));
    }

    private static void runWithoutErrors(String test, String psMode) throws Exception {
        Run r = sysbench(database(psMode), test, "run", "--threads=1", "--time=" + SECONDS, "--events=0",
                "--db-ps-mode=" + psMode);
        assertEquals(0, r.exitCode, r.output + "\n" + server.logTail(40));
        assertFalse(r.output.contains("FATAL"), r.output);
        Matcher ignored = IGNORED.matcher(r.output);
        assertTrue(ignored.find(), r.output);
        assertEquals("0", ignored.group(1), "errors sysbench retried (one thread: there is nothing to conflict with)\n"
                + r.output);
        Matcher events = EVENTS.matcher(r.output);
        assertTrue(events.find(), r.output);
        assertTrue(Long.parseLong(events.group(1)) > 0, "no event completed in " + SECONDS + " s\n" + r.output);
    }
}
