package dev.scion.sql.privilege;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DEFINER and SQL SECURITY of views: a DEFINER view reads its tables with its definer's privileges, an INVOKER one
 * with the caller's; the caller needs SELECT on the view; the stored text, SHOW CREATE VIEW and
 * information_schema.VIEWS show both clauses as MySQL 8 does.
 */
class ViewDefinerPrivilegesTest {
    @TempDir
    Path dir;
    private EngineFixture root;
    private AccountSessions sessions;
    private Session owner;
    private Session reader;

    @BeforeEach
    void setUp() {
        root = new EngineFixture(dir);
        sessions = new AccountSessions(root);
        root.exec("CREATE DATABASE d1");
        root.exec("USE d1");
        root.exec("CREATE TABLE t (a INT PRIMARY KEY, secret INT)");
        root.exec("INSERT INTO t VALUES (1, 10), (2, 20)");
        root.exec("CREATE USER owner, reader");
        root.exec("GRANT SELECT, CREATE VIEW ON d1.* TO owner");
        owner = sessions.as("owner");
        reader = sessions.as("reader");
        sessions.run(owner, "USE d1");
        sessions.run(owner, "CREATE VIEW v AS SELECT a FROM t WHERE a > 1");
        root.exec("GRANT SELECT ON d1.v TO reader");
    }

    @AfterEach
    void tearDown() {
        root.close();
    }

    @Test
    void aDefinerViewReadsWithItsDefinersPrivilegesOnly() {
        for (int i = 0; i < 3; i++) { // planned, then from the plan cache
            assertEquals(List.of("2"), sessions.run(reader, "SELECT * FROM d1.v"));
        }
        assertEquals("SELECT command denied to user 'reader'@'127.0.0.1' for table 't'",
                sessions.fails(reader, "SELECT * FROM d1.t").getMessage());
        assertEquals(1142, sessions.code(reader, "SELECT * FROM d1.v JOIN d1.t ON v.a = t.a"),
                "the view's exemption does not reach the same table named outside it");
        assertEquals(1142, sessions.code(reader, "SELECT * FROM d1.v WHERE a IN (SELECT a FROM d1.t)"));
        assertEquals(List.of("2"), sessions.run(reader, "SELECT x.a FROM d1.v AS x"));

        root.exec("REVOKE SELECT ON d1.* FROM owner");
        assertEquals(1142, sessions.code(reader, "SELECT * FROM d1.v"), "the definer lost its access");
        root.exec("GRANT SELECT ON d1.* TO owner");
        root.exec("DROP USER owner");
        assertEquals("The user specified as a definer ('owner'@'%') does not exist",
                sessions.fails(reader, "SELECT * FROM d1.v").getMessage());
        assertEquals(1449, sessions.code(reader, "SELECT * FROM d1.v"));
    }

    @Test
    void theCallerNeedsSelectOnTheView() {
        sessions.run(owner, "CREATE VIEW w AS SELECT a FROM t");
        assertEquals("SELECT command denied to user 'reader'@'127.0.0.1' for table 'w'",
                sessions.fails(reader, "SELECT * FROM d1.w").getMessage());
    }

    @Test
    void anInvokerViewReadsWithTheCallersPrivileges() {
        sessions.run(owner, "CREATE SQL SECURITY INVOKER VIEW vi AS SELECT a FROM t");
        root.exec("GRANT SELECT ON d1.vi TO reader");
        assertEquals(1142, sessions.code(reader, "SELECT * FROM d1.vi"));
        root.exec("GRANT SELECT ON d1.t TO reader");
        assertEquals(List.of("1", "2"), sessions.run(reader, "SELECT * FROM d1.vi ORDER BY a"));
    }

    @Test
    void anInvokerViewInsideADefinerViewRunsAsTheOuterDefiner() {
        sessions.run(owner, "CREATE SQL SECURITY INVOKER VIEW inner_v AS SELECT a, secret FROM t");
        sessions.run(owner, "CREATE VIEW outer_v AS SELECT a FROM inner_v WHERE secret = 20");
        root.exec("GRANT SELECT ON d1.outer_v TO reader");
        assertEquals(List.of("2"), sessions.run(reader, "SELECT * FROM d1.outer_v"));
        assertEquals(1142, sessions.code(reader, "SELECT * FROM d1.inner_v"));
    }

    @Test
    void theClausesAreStoredAndShownAsMySqlShowsThem() {
        assertEquals(List.of("v|CREATE ALGORITHM=UNDEFINED DEFINER=`owner`@`%` SQL SECURITY DEFINER VIEW `v` AS "
                + "SELECT `a` FROM `t` WHERE `a` > 1|utf8mb4|utf8mb4_0900_bin"), root.lines("SHOW CREATE VIEW v"));
        sessions.run(owner, "CREATE SQL SECURITY INVOKER VIEW vi AS SELECT a FROM t");
        root.exec("CREATE DEFINER = 'reader'@'%' VIEW vr AS SELECT 1 AS one");
        root.exec("CREATE VIEW plain AS SELECT 2 AS two"); // in-process, no account: stored as written
        assertEquals(List.of("plain|root@localhost|DEFINER", "v|owner@%|DEFINER", "vi|owner@%|INVOKER",
                        "vr|reader@%|DEFINER"),
                root.lines("SELECT TABLE_NAME, DEFINER, SECURITY_TYPE FROM information_schema.VIEWS "
                        + "WHERE TABLE_SCHEMA = 'd1' ORDER BY TABLE_NAME"));
        assertEquals(List.of("plain|CREATE VIEW `plain` AS SELECT 2 AS `two`|utf8mb4|utf8mb4_0900_bin"),
                root.lines("SHOW CREATE VIEW plain"));
    }

    @Test
    void namingAnotherDefinerNeedsSuper() {
        assertEquals("Access denied; you need (at least one of) the SUPER privilege(s) for this operation",
                sessions.fails(owner, "CREATE DEFINER = root@localhost VIEW x AS SELECT 1").getMessage());
        sessions.run(owner, "CREATE DEFINER = CURRENT_USER SQL SECURITY DEFINER VIEW x AS SELECT 1 AS one");
        assertEquals(List.of("owner@%"), root.lines("SELECT DEFINER FROM information_schema.VIEWS "
                + "WHERE TABLE_NAME = 'x'"));
        root.exec("CREATE DEFINER = ghost@'%' VIEW g AS SELECT 1 AS one");
        assertEquals(1449, root.session().warnings().get(0).code(), "a missing definer is a note at CREATE");
        root.exec("GRANT SELECT ON d1.g TO reader");
        assertEquals(1449, sessions.code(reader, "SELECT * FROM d1.g"));
    }
}
