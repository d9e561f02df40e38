package dev.scion.sql.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The global variables SET PERSIST / SET PERSIST_ONLY (and {@code @@persist.x = v}) keep in the data directory,
 * as MySQL keeps them in mysqld-auto.cnf: a JSON object of name to value (numbers for integer variables), read when
 * the engine starts, so the values survive a restart.
 */
public final class PersistedVariables {
    public static final String FILE_NAME = ".scion_persisted_variables.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final Map<String, Object> values;

    private PersistedVariables(Path path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** The variables kept in {@code path} (none when the file does not exist yet). */
    public static PersistedVariables open(Path path) {
        Map<String, Object> values = new TreeMap<>();
        if (Files.exists(path)) {
            try {
                JsonNode root = JSON.readTree(path.toFile());
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    values.put(e.getKey(), v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong() : v.asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the persisted variables in " + path, e);
            }
        }
        return new PersistedVariables(path, values);
    }

    /** The persisted values by lower-case name, in name order. */
    public synchronized Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Records {@code name = value} on disk before returning. */
    public synchronized void persist(String name, Object value) {
        Map<String, Object> next = new TreeMap<>(values);
        next.put(name, value);
        ObjectNode root = JSON.createObjectNode();
        next.forEach((k, v) -> {
            if (v == null) {
                root.putNull(k);
            } else if (v instanceof Long l) {
                root.put(k, l);
            } else {
                root.put(k, v.toString());
            }
        });
        try {
            DurableFile.replace(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "cannot persist " + name + ": " + e.getMessage(), e);
        }
        values.put(name, value);
    }
}
