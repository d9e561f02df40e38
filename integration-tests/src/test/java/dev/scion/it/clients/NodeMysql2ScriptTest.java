package dev.scion.it.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * node mysql2 runs the client script through query() (text protocol) and execute() (prepared statements,
 * binary rows). mysql2 is installed with npm into {@code target/node-clients} when it is not there yet (the
 * version is pinned in {@code client-script/package.json}); node and npm themselves come from bin/test.
 */
class NodeMysql2ScriptTest {
    @ManagedServer("clients-node-mysql2") private static ScionServerProcess server;
    private static Path nodeDir;

    @BeforeAll
    static void setUp() throws Exception {
        nodeDir = installMysql2();
    }

    private static Path installMysql2() throws IOException, InterruptedException {
        Path dir = ItConfig.targetDir().resolve("node-clients");
        Files.createDirectories(dir);
        for (String file : List.of("package.json", "mysql2-runner.js", "steps.json")) {
            try (InputStream in = NodeMysql2ScriptTest.class.getResourceAsStream("/client-script/" + file)) {
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(dir.resolve("node_modules/mysql2"))) {
            Result npm = run(dir, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            if (npm.exitCode != 0) {
                throw new AssertionError("npm install mysql2 failed (bin/test installs node and npm):\n" + npm.output);
            }
        }
        return dir;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (bin/test installs nodejs and npm): " + e, e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}()")
    @ValueSource(strings = {"query", "execute"})
    void runsTheScript(String mode) throws Exception {
        String database = "node_" + mode;
        server.dropDatabasesIfExternal(database);
        Result r = run(nodeDir, List.of("node", "mysql2-runner.js", "steps.json", server.host(),
                Integer.toString(server.port()), server.user(), server.password(), database, mode), 120);
        assertEquals(0, r.exitCode, r.output);
        List<ClientScript.Step> steps = ClientScript.steps();
        Map<Integer, JsonNode> byStep = new java.util.HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.output.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = json.readTree(line);
                byStep.put(n.get("step").asInt(), n);
            }
        }
        String client = "node mysql2 " + mode + "()";
        for (ClientScript.Step step : steps) {
            JsonNode n = byStep.get(step.number());
            if (n == null) {
                throw new AssertionError(client + ": no outcome for step " + step.number() + "\n" + r.output);
            }
            if (n.has("error")) {
                throw new AssertionError(client + ", step " + step.number() + " (" + step.name() + ") failed: "
                        + n.get("error").asText());
            }
            ClientScript.check(client, step, outcome(n));
        }
    }

    private static ClientScript.Outcome outcome(JsonNode n) {
        if (n.has("affectedRows")) {
            return ClientScript.Outcome.update(n.get("affectedRows").asLong());
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : n.get("rows")) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : row) {
                values.add(v.isNull() ? null : v.asText());
            }
            rows.add(values);
        }
        return ClientScript.Outcome.rows(rows);
    }
}
