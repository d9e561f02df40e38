package dev.scion.sql.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;

/**
 * LOAD DATA INFILE of a server file under {@code @@secure_file_priv}: NULL (the default) refuses every file, an
 * empty value allows any, a directory only the files under it; the variable cannot be set from SQL. The server's
 * configuration sets it, which here is {@code SqlEngine.setGlobalVariable}.
 */
class LoadDataServerFileTest {
    @TempDir
    Path dir;

    @TempDir
    Path files;

    @Test
    void secureFilePrivDecidesWhichFilesLoad() throws IOException {
        Path inside = Files.writeString(files.resolve("rows.csv"), "1,one\n2,\"two, too\"\n");
        Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-outside.csv"), "3,three\n");
        try (EngineFixture db = new EngineFixture(dir.resolve("data"))) {
            db.exec("CREATE DATABASE d");
            db.exec("USE d");
            db.exec("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
            String load = "LOAD DATA INFILE '" + inside + "' INTO TABLE t FIELDS TERMINATED BY ',' ENCLOSED BY '\"'";

            assertEquals(1290, code(() -> db.exec(load)), "NULL: no server file may be read");
            assertEquals(1238, code(() -> db.exec("SET GLOBAL secure_file_priv = ''")));

            db.engine().setGlobalVariable("secure_file_priv", files.toString());
            db.exec(load);
            assertEquals(List.of("1|one", "2|two, too"), db.lines("SELECT id, name FROM t ORDER BY id"));
            assertEquals(1062, code(() -> db.exec(load)), "a server file loads under the sql_mode: no IGNORE");
            assertEquals(1290, code(() -> db.exec("LOAD DATA INFILE '" + outside + "' INTO TABLE t")));
            assertEquals(1290, code(() -> db.exec("LOAD DATA INFILE '" + files.resolve("../"
                    + outside.getFileName()) + "' INTO TABLE t")), "a path leading out of the directory");
            assertEquals(29, code(() -> db.exec("LOAD DATA INFILE '" + files.resolve("none.csv") + "' INTO TABLE t")));

            db.engine().setGlobalVariable("secure_file_priv", "");
            db.exec("LOAD DATA INFILE '" + outside + "' INTO TABLE t FIELDS TERMINATED BY ','");
            assertEquals(List.of("3|three"), db.lines("SELECT id, name FROM t WHERE id = 3"));
            Files.writeString(dir.resolve("data").resolve("d").resolve("local.csv"), "4,four\n");
            db.exec("LOAD DATA INFILE 'local.csv' INTO TABLE t FIELDS TERMINATED BY ','");
            assertEquals(List.of("4|four"), db.lines("SELECT id, name FROM t WHERE id = 4"),
                    "a bare name is read from the default database's directory");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    private static int code(Runnable r) {
        return assertThrows(SqlError.class, r::run).code();
    }
}
