package dev.scion.wire;

import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Drives the real mariadb command-line client (batch mode) against the server and the test handler. */
class MariaDbCliTest {

    private static final Path CLI = Path.of("/usr/bin/mariadb");

    private ServerFixture fixture;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void needsCli() {
        assumeTrue(Files.isExecutable(CLI), "mariadb client not installed");
    }

    @BeforeEach
    void start() {
        fixture = new ServerFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Run run(String user, String password, String database, String sql, String... extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CLI.toString(), "--no-defaults", "-h", "127.0.0.1",
                "-P", String.valueOf(fixture.port()), "--protocol=TCP", "-u", user, "--connect-timeout=10"));
        if (password != null) {
            cmd.add("-p" + password);
        }
        cmd.addAll(List.of(extra));
        cmd.add("-e");
        cmd.add(sql);
        if (database != null) {
            cmd.add(database);
        }
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "mariadb client finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void selectOneWithoutPassword() throws Exception {
        Run r = run("root", null, null, "select 1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1\n1\n", r.out());
    }

    @Test
    void cachingSha2PasswordLogin() throws Exception {
        Run r = run("alice", "secret", "mydb/feature", "select database()");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("DATABASE()\nmydb/feature\n", r.out());
        assertTrue(fixture.handler.lastSession().info.connectAttributes().containsKey("_client_name"));
    }

    @Test
    void nativePasswordAccount() throws Exception {
        Run r = run("bob", "native", null, "select 1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1\n1\n", r.out());
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        Run r = run("alice", "wrong", null, "select 1");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("1045") && r.err().contains("Access denied for user 'alice'@'127.0.0.1'"),
                r.err());
    }

    @Test
    void multipleStatementsTypesAndErrors() throws Exception {
        Run r = run("root", null, null, "select 1; select types; insert into t values (1)");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("1", lines[0]);
        assertEquals("1", lines[1]);
        assertEquals("tiny\tshort\tint\tbigint\tdbl\tflt\tdec\tstr\tdate\tdt\ttime\tdbl_from_long\tyear", lines[2]);
        assertEquals("-5\t300\t70000\t9223372036854775807\t0.1\t1.5\t12.50\théllo\t2024-02-29\t"
                + "2024-02-29 13:14:15.123456\t-30:01:02\t7\t2024", lines[3]);
        assertEquals("NULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL", lines[4]);

        Run err = run("root", null, null, "error");
        assertEquals(1, err.exitCode());
        assertTrue(err.err().contains("ERROR 1146 (42S02)") && err.err().contains("Table 'test.nope' doesn't exist"),
                err.err());
    }

    @Test
    void unknownDatabaseIsRefused() throws Exception {
        Run r = run("root", null, "nosuchdb", "select 1");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("1049"), r.err());
    }
}
