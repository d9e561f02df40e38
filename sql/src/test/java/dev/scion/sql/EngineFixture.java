package dev.scion.sql;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.DataDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real engine over a real data directory (RocksDB) for tests: run SQL on one session and read the rows back. */
public final class EngineFixture implements AutoCloseable {
    private final DataDirectory dir;
    private final SqlEngine engine;
    private final Session session;

    /** -Dscion.test.nursery=true runs the tests that use this with the chunk nursery on. */
    public EngineFixture(Path root) {
        this(root, StoreOptions.defaults().withNursery(Boolean.getBoolean("scion.test.nursery")));
    }

    public EngineFixture(Path root, StoreOptions options) {
        dir = new DataDirectory(root, options);
        engine = new SqlEngine(dir);
        session = engine.openSession(1, "root", "localhost", true);
    }

    public Session session() {
        return session;
    }

    public SqlEngine engine() {
        return engine;
    }

    /** Runs statements; returns the rows of the last result set (each value as the engine produced it). */
    public List<Object[]> rows(String sql) {
        List<Object[]> out = new ArrayList<>();
        engine.execute(session, sql, true, r -> {
            out.clear();
            if (r instanceof StatementResult.Rows rows) {
                try (var s = rows.rows()) {
                    Object[] row;
                    while ((row = s.next()) != null) {
                        out.add(row);
                    }
                }
            }
        });
        return out;
    }

    /** The rows as text lines "v1|v2|..." (NULL for null), for compact assertions. */
    public List<String> lines(String sql) {
        List<String> out = new ArrayList<>();
        for (Object[] r : rows(sql)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append('|');
                }
                sb.append(r[i] == null ? "NULL" : dev.scion.sql.expr.Values.toStringValue(r[i]));
            }
            out.add(sb.toString());
        }
        return out;
    }

    public void exec(String sql) {
        engine.execute(session, sql, true, r -> { });
    }

    @Override
    public void close() {
        engine.close();
    }
}
