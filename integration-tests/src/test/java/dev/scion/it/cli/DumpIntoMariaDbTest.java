package dev.scion.it.cli;

import dev.scion.it.harness.JarCommand;
import dev.scion.it.harness.Programs;
import dev.scion.it.harness.ScratchMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code scion dump} output loaded by the real mariadb client into a real MariaDB server (started here in a
 * temp directory from the installed mariadbd), then read back: every row and value arrives unchanged.
 */
class DumpIntoMariaDbTest {
    @TempDir
    static Path tmp;
    static ScratchMariaDb maria;
    static Programs programs;

    @BeforeAll
    static void startMariaDb() throws Exception {
        maria = ScratchMariaDb.start(tmp.resolve("mariadb"));
        programs = new Programs(Map.of("SCION_HOME", tmp.resolve("scion-home").toString(), "TZ", "UTC"), tmp);
    }

    @AfterAll
    static void stopMariaDb() throws Exception {
        if (maria != null) {
            maria.close();
        }
    }

    private static List<String> client(String sql) {
        return maria.client("-N", "-B", "-e", sql);
    }

    private static String run(Path dir, List<String> cmd, Path stdin, int expectExit) throws IOException,
            InterruptedException {
        return programs.run(dir, cmd, stdin, expectExit);
    }

    private static List<String> scion(String... args) {
        List<String> cmd = new ArrayList<>(JarCommand.of(List.of()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void dumpLoadsIntoMariaDbWithEveryValueIntact() throws Exception {
        Path db = Files.createDirectories(tmp.resolve("dumpdb"));
        run(db, scion("config", "--global", "user.name", "Dump Test"), null, 0);
        run(db, scion("config", "--global", "user.email", "dump@example.com"), null, 0);
        run(db, scion("init"), null, 0);
        run(db, scion("sql", "-q", "create table kinds (id int primary key, d decimal(10,3), f double, "
                + "s varchar(20), t text, dt datetime, dd date, b tinyint, j json, unique key uq_s (s)); "
                + "insert into kinds values (1, 12.345, 0.25, 'it''s', 'two\nlines', '2024-01-02 03:04:05', "
                + "'2024-02-29', -7, '{\"a\": 1}'), (2, null, -1.5, '', null, null, null, null, null); "
                + "create table plain (a int, b varchar(5)); insert into plain values (1, 'x'), (1, 'x'), (2, null)"),
                null, 0);
        run(db, scion("commit", "-Am", "data"), null, 0);
        run(db, scion("dump", "-f", "dump.sql"), null, 0);
        run(db, maria.client(), db.resolve("dump.sql"), 0);
        assertEquals("1\t12.345\t0.25\tit's\ttwo\\nlines\t2024-01-02 03:04:05\t2024-02-29\t-7\t{\"a\": 1}\n"
                        + "2\tNULL\t-1.5\t\tNULL\tNULL\tNULL\tNULL\tNULL\n",
                run(tmp, client("select * from dumpdb.kinds order by id"), null, 0));
        assertEquals("1\tx\n1\tx\n2\tNULL\n", run(tmp, client("select * from dumpdb.plain order by a"), null, 0));
        assertEquals("uq_s\n", run(tmp, client("select index_name from information_schema.statistics where "
                + "table_schema='dumpdb' and table_name='kinds' and non_unique=0 and index_name<>'PRIMARY'"), null, 0));
    }
}
