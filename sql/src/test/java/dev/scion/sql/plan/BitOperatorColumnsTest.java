package dev.scion.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.result.ColumnKind;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.StatementResult;

/** The bit operators' results are described as BIGINT UNSIGNED, so a client reads 2^64 - 1 (MySQL's metadata). */
class BitOperatorColumnsTest {
    @TempDir
    Path dir;

    @Test
    void bitOperatorResultsAreBigintUnsigned() {
        try (EngineFixture db = new EngineFixture(dir)) {
            List<ResultColumn> columns = columns(db, "SELECT ~0, 7 | 1, 6 & 3, 3 ^ 5, 1 << 3, 8 >> 1, 1 + 1");
            for (ResultColumn c : columns.subList(0, 6)) {
                assertEquals(ColumnKind.LONGLONG, c.kind(), c.name());
                assertTrue(c.unsigned(), c.name());
            }
            assertFalse(columns.get(6).unsigned());
            assertEquals(List.of("18446744073709551615|7|2|6|8|4|2"),
                    db.lines("SELECT ~0, 7 | 1, 6 & 3, 3 ^ 5, 1 << 3, 8 >> 1, 1 + 1"));
        }
    }

    private static List<ResultColumn> columns(EngineFixture db, String sql) {
        List<ResultColumn> out = new ArrayList<>();
        db.engine().execute(db.session(), sql, true, r -> {
            if (r instanceof StatementResult.Rows rows) {
                out.addAll(rows.columns());
                rows.rows().close();
            }
        });
        return out;
    }
}
