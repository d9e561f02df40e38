package dev.scion.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the YAML config file of {@code scion sql-server --config FILE} into {@link ConfigValues}. Strict: an
 * unknown key, a list or section where a value belongs, or a bad value stops start-up with a message naming the
 * key (a typo must not silently leave a setting at its default).
 */
public final class ConfigFile {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigFile() {
    }

    public static ConfigValues read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses config text; {@code source} names it in messages. */
    public static ConfigValues parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException(source + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        ConfigValues values = new ConfigValues();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values; // an empty file sets nothing
        }
        if (!root.isObject()) {
            throw new ConfigException(source + ": expected keys such as 'listener:' at the top level");
        }
        walk((ObjectNode) root, "", values, source);
        return values;
    }

    private static void walk(ObjectNode node, String prefix, ConfigValues values, String source) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String path = prefix + f.getKey();
            JsonNode v = f.getValue();
            if (prefix.isEmpty() && ConfigKey.SECTIONS.contains(path)) {
                if (v.isNull()) {
                    continue; // "listener:" with nothing under it
                }
                if (!v.isObject()) {
                    throw new ConfigException(source + ": '" + path + "' is a section: put its keys under it");
                }
                walk((ObjectNode) v, path + ".", values, source);
                continue;
            }
            ConfigKey key = ConfigKey.byPath(path).orElseThrow(() -> new ConfigException(
                    source + ": unknown key '" + path + "'"));
            if (v.isContainerNode()) {
                throw new ConfigException("bad value for " + path + " in " + source + ": expected a single value");
            }
            values.set(key, v.isNull() ? null : v.asText());
        }
    }
}
