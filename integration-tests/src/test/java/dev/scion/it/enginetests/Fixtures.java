package dev.scion.it.enginetests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fixture scripts of shared/engine-tests/fixtures: blocks of {@code exec}, SQL, {@code ----}. */
final class Fixtures {
    private Fixtures() { }

    /** The statements of the named setup (a line {@code NAME: fixture fixture ...} of SETUPS.txt), in order. */
    static List<String> setup(Path dir, String setupName) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("SETUPS.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith(setupName + ":")) {
                for (String f : line.substring(setupName.length() + 1).trim().split("\\s+")) {
                    out.addAll(statements(Files.readString(dir.resolve(f), StandardCharsets.UTF_8)));
                }
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
