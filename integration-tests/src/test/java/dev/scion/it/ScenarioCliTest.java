package dev.scion.it;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.scenario.CliScenarioRunner;
import dev.scion.it.scenario.ScenarioFiles;
import dev.scion.scenario.Scenario;

/** Every scenario file (not marked {@code -- only jdbc}) through the mariadb CLI in batch mode, each on a fresh server. */
class ScenarioCliTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return ScenarioFiles.loadAll().stream()
                .filter(s -> s.runsOn("cli"))
                .map(s -> dynamicTest(s.name() + ".test [mariadb CLI batch]", s.source().toUri(), () -> run(s)));
    }

    static void run(Scenario scenario) {
        try (ScionServerProcess server = ScionServerProcess.start("scenario-" + scenario.name() + "-cli")) {
            ScenarioJdbcTest.prepare(server, scenario);
            new CliScenarioRunner(server).run(scenario);
        }
    }
}
