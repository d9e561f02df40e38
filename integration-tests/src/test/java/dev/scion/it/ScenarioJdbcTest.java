package dev.scion.it;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.scenario.JdbcScenarioRunner;
import dev.scion.it.scenario.Scenario;

/**
 * Every scenario file under src/test/resources/scenarios through MySQL Connector/J, each on a fresh server. By default
 * each file runs twice: Connector/J 9.x over the text protocol and Connector/J 8.4 with server-side prepared
 * statements ({@code -Dscion.it.scenarioVariants=cj9-text,cj9-prepared,cj84-text,cj84-prepared} picks others).
 */
class ScenarioJdbcTest {

    record Variant(String id, ConnectorJ driver, boolean serverPrepared) {
        String label() {
            return driver.label() + (serverPrepared ? ", useServerPrepStmts=true" : ", text protocol");
        }
    }

    static List<Variant> variants() {
        List<Variant> all = List.of(
                new Variant("cj9-text", ConnectorJ.V9, false),
                new Variant("cj9-prepared", ConnectorJ.V9, true),
                new Variant("cj84-text", ConnectorJ.V8_4, false),
                new Variant("cj84-prepared", ConnectorJ.V8_4, true));
        List<String> wanted = Arrays.asList(System.getProperty("scion.it.scenarioVariants", "cj9-text,cj84-prepared")
                .split("\\s*,\\s*"));
        List<Variant> chosen = new ArrayList<>();
        for (Variant v : all) {
            if (wanted.contains(v.id())) {
                chosen.add(v);
            }
        }
        if (chosen.isEmpty()) {
            throw new AssertionError("scion.it.scenarioVariants selects nothing: " + wanted);
        }
        return chosen;
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        List<Variant> variants = variants();
        return Scenario.loadAll().stream()
                .filter(s -> s.runsOn("jdbc"))
                .map(s -> dynamicContainer(s.name() + ".test", s.source().toUri(), variants.stream()
                        .map(v -> dynamicTest(v.label(), () -> run(s, v)))));
    }

    static void run(Scenario scenario, Variant v) {
        try (ScionServerProcess server = ScionServerProcess.start("scenario-" + scenario.name() + "-" + v.id())) {
            prepare(server, scenario);
            new JdbcScenarioRunner(server, v.driver(), v.serverPrepared()).run(scenario);
        }
    }

    /** External server: cannot restart it, and databases the scenario creates are dropped first. */
    static void prepare(ScionServerProcess server, Scenario scenario) {
        if (!server.isExternal()) {
            return;
        }
        if (scenario.needsServerControl()) {
            throw new TestAbortedException(scenario.name() + " restarts or kills the server: needs a managed server");
        }
        server.dropDatabasesIfExternal(scenario.createdDatabases().toArray(new String[0]));
    }
}
