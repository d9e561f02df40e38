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
import dev.scion.it.scenario.ScenarioFiles;
import dev.scion.scenario.Scenario;

/**
 * Every scenario file under src/test/resources/scenarios through MySQL Connector/J, each run on a fresh server.
 * There are four client variants (Connector/J 9.x and 8.4, each over the text protocol and with server-side prepared
 * statements). To keep the suite fast each file runs with one of them by default, rotating through the four in file
 * order so that every variant is exercised; {@code -Dscion.it.scenarioVariants=all} runs every file with all four,
 * and a comma-separated list of ids (cj9-text, cj9-prepared, cj84-text, cj84-prepared) runs every file with those.
 */
class ScenarioJdbcTest {

    record Variant(String id, ConnectorJ driver, boolean serverPrepared) {
        String label() {
            return driver.label() + (serverPrepared ? ", useServerPrepStmts=true" : ", text protocol");
        }
    }

    static final List<Variant> ALL = List.of(
            new Variant("cj9-text", ConnectorJ.V9, false),
            new Variant("cj84-prepared", ConnectorJ.V8_4, true),
            new Variant("cj84-text", ConnectorJ.V8_4, false),
            new Variant("cj9-prepared", ConnectorJ.V9, true));

    /** The variants for the index-th scenario file. */
    static List<Variant> variants(int index) {
        String setting = System.getProperty("scion.it.scenarioVariants", "rotate").trim();
        if (setting.equals("rotate")) {
            return List.of(ALL.get(index % ALL.size()));
        }
        if (setting.equals("all")) {
            return ALL;
        }
        List<String> wanted = Arrays.asList(setting.split("\\s*,\\s*"));
        List<Variant> all = ALL;
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
        List<Scenario> files = ScenarioFiles.loadAll().stream().filter(s -> s.runsOn("jdbc")).toList();
        List<DynamicNode> nodes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Scenario s = files.get(i);
            nodes.add(dynamicContainer(s.name() + ".test", s.source().toUri(), variants(i).stream()
                    .map(v -> dynamicTest(v.label(), () -> run(s, v)))));
        }
        return nodes.stream();
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
