package dev.scion.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;

/**
 * Start-up refuses bad configurations at once, with a message naming what is wrong and a non-zero exit: unknown
 * config keys, bad values (in the file or as flags), a port in use, a data directory another server serves. Each
 * case starts the real jar.
 */
class StartupErrorsTest {

    @Test
    void anUnknownKeyInTheConfigFileIsNamed() throws Exception {
        Path config = writeConfig("unknown-key", "listener:\n  host: 127.0.0.1\n  prot: 3306\n");
        Run r = sqlServer("--config", config.toString(), "--data-dir", dataDir("unknown-key").toString());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("unknown key 'listener.prot'"), r.output());
    }

    @Test
    void aBadValueInTheConfigFileIsNamed() throws Exception {
        Path config = writeConfig("bad-value", "behavior:\n  read_only: sometimes\n");
        Run r = sqlServer("--config", config.toString(), "--data-dir", dataDir("bad-value").toString());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("bad value 'sometimes' for behavior.read_only"), r.output());
    }

    @Test
    void aBadFlagValueIsNamedByItsKey() throws Exception {
        Run r = sqlServer("--port", "http", "--data-dir", dataDir("bad-flag").toString());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("bad value 'http' for listener.port"), r.output());
    }

    @Test
    void aMissingConfigFileIsReported() throws Exception {
        Path missing = ItConfig.targetDir().resolve("it-data").resolve("no-such-config.yaml");
        Run r = sqlServer("--config", missing.toString(), "--data-dir", dataDir("missing-config").toString());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("config file " + missing + " does not exist"), r.output());
    }

    @Test
    void aPortInUseFailsAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Run r = sqlServer("--host", "127.0.0.1", "--port", Integer.toString(port), "--data-dir",
                    dataDir("port-in-use").toString());
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("cannot listen on 127.0.0.1:" + port + ": address already in use"),
                    r.output());
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryFailsAtOnce() throws Exception {
        Path data = dataDir("same-dir");
        try (ScionServerProcess first = ScionServerProcess.start("same-dir-first", data)) {
            Run r = sqlServer("--host", "127.0.0.1", "--port", Integer.toString(ScionServerProcess.freePort()),
                    "--data-dir", data.toString());
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("is already served by another scion sql-server (pid "), r.output());
            assertTrue(first.isRunning(), "the first server is unharmed");
        }
    }

    // ------------------------------------------------------------------------------------------------

    record Run(int exitCode, String output) {
    }

    private static Path dataDir(String name) {
        return ItConfig.targetDir().resolve("it-data").resolve("startup-" + name + "-" + ProcessHandle.current().pid());
    }

    private static Path writeConfig(String name, String yaml) throws IOException {
        Path dir = ItConfig.targetDir().resolve("it-data");
        Files.createDirectories(dir);
        Path f = dir.resolve("startup-" + name + "-" + ProcessHandle.current().pid() + ".yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    /** Runs {@code scion sql-server ARGS} and waits for it to exit by itself (it must: start-up fails). */
    static Run sqlServer(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ItConfig.javaExecutable());
        cmd.addAll(ItConfig.serverJvmArgs());
        cmd.add("-jar");
        cmd.add(ItConfig.serverJar().toString());
        cmd.add("sql-server");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // a generous bound so that a server which wrongly starts fails the test instead of hanging it
        if (!p.waitFor(ItConfig.startTimeout().toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("scion sql-server " + String.join(" ", args) + " did not exit: " + out);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(false, p.isAlive());
        return new Run(p.exitValue(), out);
    }
}
