package dev.scion.it.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shared client script ({@code src/test/resources/client-script/steps.json}): one list of steps that every
 * client (Connector/J, MariaDB Connector/J, the mysql CLI, node mysql2) runs, and the check of each step's outcome.
 */
public final class ClientScript {

    public static final String RESOURCE = "/client-script/steps.json";

    /** What a step must produce: an update count, exact rows, or a number of rows not compared. */
    public record Expect(Long update, List<List<String>> rows, Integer anyRows) {
    }

    public record Step(int number, String name, String sql, Expect expect) {
    }

    /** What a client saw: rows (null when the statement returned no result set) or an update count. */
    public record Outcome(List<List<String>> rows, long updateCount) {
        public static Outcome rows(List<List<String>> rows) {
            return new Outcome(rows, -1);
        }

        public static Outcome update(long count) {
            return new Outcome(null, count);
        }
    }

    private ClientScript() {
    }

    public static List<Step> steps() {
        try (InputStream in = ClientScript.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(in, RESOURCE));
            List<Step> steps = new ArrayList<>();
            int n = 1;
            for (JsonNode s : root.get("steps")) {
                JsonNode e = s.get("expect");
                Long update = e.has("update") ? e.get("update").asLong() : null;
                Integer anyRows = e.has("anyRows") ? e.get("anyRows").asInt() : null;
                List<List<String>> rows = null;
                if (e.has("rows")) {
                    rows = new ArrayList<>();
                    for (JsonNode r : e.get("rows")) {
                        List<String> row = new ArrayList<>();
                        for (JsonNode v : r) {
                            row.add(v.isNull() ? null : v.asText());
                        }
                        rows.add(row);
                    }
                }
                steps.add(new Step(n++, s.get("name").asText(), s.get("sql").asText(), new Expect(update, rows, anyRows)));
            }
            return steps;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the client, the step and both sides when the outcome is not the expected one. */
    public static void check(String client, Step step, Outcome outcome) {
        Expect e = step.expect();
        String where = client + ", step " + step.number() + " (" + step.name() + "): " + step.sql();
        if (e.update() != null) {
            if (outcome.rows() != null || outcome.updateCount() != e.update()) {
                throw new AssertionError(where + "\n expected update count " + e.update() + " but got "
                        + describe(outcome));
            }
        } else if (e.rows() != null) {
            if (!e.rows().equals(outcome.rows())) {
                throw new AssertionError(where + "\n expected rows " + e.rows() + " but got " + describe(outcome));
            }
        } else if (e.anyRows() != null) {
            if (outcome.rows() == null || outcome.rows().size() != e.anyRows()) {
                throw new AssertionError(where + "\n expected " + e.anyRows() + " row(s) but got " + describe(outcome));
            }
        }
    }

    private static String describe(Outcome o) {
        return o.rows() != null ? "rows " + o.rows() : "update count " + o.updateCount();
    }
}
