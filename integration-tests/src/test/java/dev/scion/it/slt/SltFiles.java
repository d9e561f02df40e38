package dev.scion.it.slt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ScionServerProcess;

/**
 * Runs sqllogictest files against one server, each in a fresh database of its own (every file expects an empty
 * database), and finds the files under a directory.
 */
final class SltFiles {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private SltFiles() { }

    /** Every regular file under dir (sorted), the way bin/slt walks shared/slt. */
    static List<Path> under(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SltOutcome run(ScionServerProcess server, Path root, Path file) throws SQLException {
        String name = root.relativize(file).toString().replace('\\', '/');
        String db = "slt" + SEQ.incrementAndGet();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SltRecord> records = SltParser.parse(text);
        try (Connection admin = ConnectorJ.V9.connect(server, null, false); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db);
            st.execute("CREATE DATABASE " + db);
            try {
                SltFileRunner runner = new SltFileRunner(() -> ConnectorJ.V9.connect(server, db, false));
                return runner.run(name, records);
            } finally {
                st.execute("DROP DATABASE " + db);
            }
        }
    }
}
