package dev.scion.it.enginetests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The fixture scripts of shared/engine-tests/fixtures: blocks of {@code exec}, SQL, {@code ----}. */
final class Fixtures {
    private Fixtures() { }

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)^\\s*create\\s+(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?`?(\\w+)`?");

    /**
     * The fixtures of the test resources enginetests/versioned: a replacement for the shared fixture of the same
     * name, or (when the shared folder has none) one more fixture that a group naming its tables loads.
     */
    private static final List<String> VERSIONED = List.of("myhistorytable", "versioned_views");

    /** The fixture names of the named setup. */
    static List<String> setupFixtures(Path dir, String setupName) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("SETUPS.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith(setupName + ":")) {
                return List.of(line.substring(setupName.length() + 1).trim().split("\\s+"));
            }
        }
        return List.of();
    }

    /**
     * The statements of one fixture file. A fixture the test resources enginetests/versioned also hold is read from
     * there: go-mysql-server builds those tables' history in Go (versioned test data), which the shared fixture
     * leaves out.
     */
    static List<String> fixture(Path dir, String name) throws IOException {
        try (java.io.InputStream versioned = Fixtures.class.getResourceAsStream("/enginetests/versioned/" + name)) {
            if (versioned != null) {
                return statements(new String(versioned.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return statements(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
    }

    /**
     * For every fixture file outside {@code base}, the tables and views it creates that no fixture of {@code base}
     * creates (lower-case): go-mysql-server runs some QueryTest groups on other setups (ComplexIndexQueries on
     * comp_index_tables, BlobQueries on blob), which these name.
     */
    static Map<String, Set<String>> extraTables(Path dir, List<String> base) throws IOException {
        Set<String> baseTables = new LinkedHashSet<>();
        for (String f : base) {
            baseTables.addAll(tablesCreated(fixture(dir, f)));
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(p -> names.add(p.getFileName().toString()));
        }
        VERSIONED.stream().filter(v -> !names.contains(v)).forEach(names::add);
        for (String name : names) {
            if (name.equals("SETUPS.txt") || base.contains(name)) {
                continue;
            }
            Set<String> tables = tablesCreated(fixture(dir, name));
            tables.removeAll(baseTables);
            if (!tables.isEmpty()) {
                out.put(name, tables);
            }
        }
        return out;
    }

    private static Set<String> tablesCreated(List<String> statements) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : statements) {
            Matcher m = CREATE_TABLE.matcher(s);
            if (m.find()) {
                out.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : text.split("\n", -1)) {
            if (cur == null) {
                if (line.trim().equals("exec")) {
                    cur = new StringBuilder();
                }
            } else if (line.trim().equals("----")) {
                out.add(cur.toString().trim());
                cur = null;
            } else {
                cur.append(line).append('\n');
            }
        }
        return out;
    }
}
