package dev.scion.cli.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings such as user.name and user.email: a global file ({@code $SCION_HOME/config.json}, by default
 * {@code ~/.scion/config.json}) overridden by the database's own {@code .scion/config.json}.
 */
public final class UserConfig {
    public static final String FILE = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path global;
    private final Path local;

    public UserConfig(Path global, Path local) {
        this.global = global;
        this.local = local;
    }

    /** The global config directory: SCION_HOME, else ~/.scion. */
    public static Path homeDir() {
        return Invocation.current().getenv("SCION_HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".scion"));
    }

    public static UserConfig forDatabase(Path dbDir) {
        return new UserConfig(homeDir().resolve(FILE), dbDir == null ? null : dbDir.resolve(".scion").resolve(FILE));
    }

    public Optional<String> get(String key) {
        if (local != null) {
            String v = read(local).get(key);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.ofNullable(read(global).get(key));
    }

    /** Every setting, local ones overriding global ones. */
    public Map<String, String> all() {
        TreeMap<String, String> m = new TreeMap<>(read(global));
        if (local != null) {
            m.putAll(read(local));
        }
        return m;
    }

    public Map<String, String> scope(boolean globalScope) {
        Path p = globalScope ? global : local;
        return p == null ? Map.of() : read(p);
    }

    public void set(boolean globalScope, String key, String value) {
        Path p = target(globalScope);
        TreeMap<String, String> m = new TreeMap<>(read(p));
        if (value == null) {
            if (m.remove(key) == null) {
                throw new CliError("error: key '" + key + "' is not set", 5);
            }
        } else {
            m.put(key, value);
        }
        try {
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), m);
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliError("error: cannot write " + p + ": " + e.getMessage());
        }
    }

    private Path target(boolean globalScope) {
        if (globalScope) {
            return global;
        }
        if (local == null) {
            throw new CliError("fatal: --local can only be used inside a database");
        }
        return local;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> read(Path p) {
        if (p == null || !Files.isRegularFile(p)) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = JSON.readValue(p.toFile(), Map.class);
            TreeMap<String, String> out = new TreeMap<>();
            raw.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
            return out;
        } catch (IOException e) {
            throw new CliError("fatal: bad config file " + p + ": " + e.getMessage());
        }
    }
}
