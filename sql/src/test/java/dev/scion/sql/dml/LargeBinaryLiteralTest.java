package dev.scion.sql.dml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;

/**
 * A 256 KB binary value written as SQL text (X'..' and 0x..), as mysqldump writes BLOBs: the bytes arrive
 * unchanged (not re-encoded as text). The literal is decoded in one pass (MySqlLiterals.binaryString), where
 * Calcite's BigInteger route was quadratic.
 */
class LargeBinaryLiteralTest {
    @TempDir
    Path dir;

    @Test
    void quarterMegabyteHexLiteralKeepsItsBytes() {
        byte[] value = new byte[256 * 1024];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 31 + 7);
        }
        String hex = HexFormat.of().formatHex(value);
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE d");
            db.exec("USE d");
            db.exec("CREATE TABLE b (id INT PRIMARY KEY, v LONGBLOB)");
            db.exec("INSERT INTO b VALUES (1, X'" + hex + "')");
            db.exec("INSERT INTO b VALUES (2, 0x" + hex.toUpperCase() + ")");
            List<Object[]> rows = db.rows("SELECT id, v, LENGTH(v), HEX(SUBSTRING(v, 1, 3)) FROM b ORDER BY id");
            assertEquals(2, rows.size());
            for (Object[] r : rows) {
                assertArrayEquals(value, (byte[]) r[1]);
                assertEquals((long) value.length, r[2]);
                assertEquals(hex.substring(0, 6).toUpperCase(), r[3]);
            }
        }
    }
}
