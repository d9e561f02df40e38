package dev.scion.sql.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL 8.0's keywords and which of them are reserved, as information_schema.KEYWORDS lists them. Connectors read
 * the table (Connector/J's {@code DatabaseMetaData.getSQLKeywords()}) to learn which identifiers need quoting, so it
 * lists MySQL's words, the dialect Scion speaks, rather than the words Scion's own parser happens to treat as
 * keywords.
 */
final class MysqlKeywords {
    private static final String RESOURCE = "mysql-keywords.txt";
    private static final List<Object[]> ROWS = load();

    private MysqlKeywords() {
    }

    /** One row per keyword: WORD, RESERVED (1 or 0), in alphabetical order. */
    static List<Object[]> rows() {
        List<Object[]> copy = new ArrayList<>(ROWS.size());
        for (Object[] row : ROWS) {
            copy.add(row.clone());
        }
        return copy;
    }

    private static List<Object[]> load() {
        try (InputStream in = MysqlKeywords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Object[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] parts = entry.split("\\s+");
                rows.add(new Object[] {parts[0], parts.length > 1 && parts[1].equals("R") ? 1L : 0L});
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
