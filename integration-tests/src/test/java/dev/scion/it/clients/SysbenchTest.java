package dev.scion.it.clients;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
class SysbenchTest {
    private static final int SECONDS = Integer.getInteger("scion.it.sysbenchSeconds", 10);
    private static final Pattern IGNORED = Pattern.compile("ignored errors:\\s+(\\d+)");
    private static final Pattern EVENTS = Pattern.compile("total number of events:\\s+(\\d+)");
    @ManagedServer("clients-sysbench") private static ScionServerProcess server;

    @BeforeAll
    static void prepare() throws Exception {
        server.dropDatabasesIfExternal("sbtest");
        try (Connection c = ConnectorJ.V9.connect(server, null, false); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE sbtest");
        }
        Run r = sysbench("oltp_read_write", "prepare");
        assertEquals(0, r.exitCode, r.output);
    }

    private record Run(int exitCode, String output) {
    }

    private static Run sysbench(String test, String command, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sysbench", test, "--mysql-host=" + server.host(),
                "--mysql-port=" + server.port(), "--mysql-user=" + server.user(), "--mysql-db=sbtest",
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

    @ParameterizedTest(name = "{0} --db-ps-mode={1}")
    @CsvSource({
        "oltp_point_select, auto", "oltp_point_select, disable",
        "oltp_read_only, auto", "oltp_read_only, disable",
        "oltp_write_only, auto", "oltp_write_only, disable",
        "oltp_read_write, auto", "oltp_read_write, disable",
        "oltp_insert, auto", "oltp_insert, disable",
        "oltp_update_index, auto", "oltp_update_index, disable",
        "select_random_ranges, auto", "select_random_ranges, disable"})
    void runsWithoutErrors(String test, String psMode) throws Exception {
        Run r = sysbench(test, "run", "--threads=1", "--time=" + SECONDS, "--events=0", "--db-ps-mode=" + psMode);
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
