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
 * Grants on one stored routine ({@code GRANT EXECUTE ON PROCEDURE db.p}), MySQL's automatic grants to a routine's
 * creator, and the FILE privilege's 1045; the expected texts are MySQL 8's (checked against MariaDB 10.11 where the
 * two agree).
 */
class RoutineGrantsTest {
    @TempDir
    Path dir;
    private EngineFixture root;
    private AccountSessions sessions;

    @BeforeEach
    void setUp() {
        root = new EngineFixture(dir);
        sessions = new AccountSessions(root);
        root.exec("CREATE DATABASE d1");
        root.exec("USE d1");
        root.exec("CREATE TABLE t (a INT PRIMARY KEY)");
        root.exec("INSERT INTO t VALUES (1)");
        root.exec("CREATE PROCEDURE p() SELECT 1");
        root.exec("CREATE PROCEDURE other() SELECT 2");
        root.exec("CREATE FUNCTION f() RETURNS INT RETURN 3");
        root.exec("CREATE USER u IDENTIFIED BY 'pw'");
    }

    @AfterEach
    void tearDown() {
        root.close();
    }

    @Test
    void executeOnOneProcedureAllowsOnlyThatOne() {
        root.exec("GRANT EXECUTE ON PROCEDURE d1.p TO u");
        Session u = sessions.as("u");
        sessions.run(u, "USE d1"); // a routine grant is enough to use its database, as in MySQL
        sessions.run(u, "CALL p()");
        assertEquals("execute command denied to user 'u'@'127.0.0.1' for routine 'd1.other'",
                sessions.fails(u, "CALL other()").getMessage());
        assertEquals(1370, sessions.code(u, "SELECT f()"));
        assertEquals(1370, sessions.code(u, "DROP PROCEDURE p"));
        assertEquals(List.of(), sessions.run(u, "SHOW TABLES"), "a routine grant shows no table");
        assertEquals(1142, sessions.code(u, "SELECT * FROM t"));

        root.exec("GRANT EXECUTE ON FUNCTION d1.F TO u");
        assertEquals(List.of("3"), sessions.run(u, "SELECT f()"));
        root.exec("REVOKE EXECUTE ON PROCEDURE d1.p FROM u");
        assertEquals(1370, sessions.code(u, "CALL p()"));
    }

    @Test
    void showGrantsAndTheMysqlTableListRoutinesAfterTablesProceduresFirst() {
        root.exec("GRANT ALL ON FUNCTION d1.f TO u");
        root.exec("GRANT ALTER ROUTINE ON PROCEDURE d1.P TO u WITH GRANT OPTION");
        root.exec("GRANT EXECUTE ON PROCEDURE p TO u");
        root.exec("GRANT SELECT ON d1.t TO u");
        root.exec("GRANT SELECT ON d1.* TO u");
        assertEquals(List.of("GRANT USAGE ON *.* TO `u`@`%`",
                "GRANT SELECT ON `d1`.* TO `u`@`%`",
                "GRANT SELECT ON `d1`.`t` TO `u`@`%`",
                "GRANT EXECUTE, ALTER ROUTINE ON PROCEDURE `d1`.`p` TO `u`@`%` WITH GRANT OPTION",
                "GRANT EXECUTE, ALTER ROUTINE ON FUNCTION `d1`.`f` TO `u`@`%`"), root.lines("SHOW GRANTS FOR u"));
        assertEquals(List.of("%|d1|u|p|PROCEDURE|Execute,Alter Routine,Grant", "%|d1|u|f|FUNCTION|Execute,Alter Routine"),
                root.lines("SELECT Host, Db, User, Routine_name, Routine_type, Proc_priv FROM mysql.procs_priv"));
    }

    @Test
    void routineGrantErrorsAreMySqls() {
        assertEquals("FUNCTION or PROCEDURE nope does not exist",
                sessions.fails(root.session(), "GRANT EXECUTE ON PROCEDURE d1.nope TO u").getMessage());
        assertEquals(1305, sessions.code(root.session(), "GRANT EXECUTE ON FUNCTION d1.p TO u"), "a procedure is no function");
        assertEquals(1144, sessions.code(root.session(), "GRANT SELECT ON PROCEDURE d1.p TO u"));
        assertEquals("There is no such grant defined for user 'u' on host '%' on routine 'p'",
                sessions.fails(root.session(), "REVOKE EXECUTE ON FUNCTION d1.p FROM u").getMessage());
        assertEquals(1403, sessions.code(root.session(), "REVOKE EXECUTE ON PROCEDURE d1.nope FROM u"));
        assertEquals(1410, sessions.code(root.session(), "GRANT EXECUTE ON PROCEDURE d1.p TO ghost"));

        // handing a routine privilege on needs it and GRANT OPTION; MySQL names the command asked for
        root.exec("GRANT EXECUTE ON PROCEDURE d1.p TO u");
        root.exec("CREATE USER v");
        assertEquals("execute command denied to user 'u'@'127.0.0.1' for routine 'd1.p'",
                sessions.fails(sessions.as("u"), "GRANT EXECUTE ON PROCEDURE d1.p TO v").getMessage());
        root.exec("GRANT GRANT OPTION ON PROCEDURE d1.p TO u");
        sessions.run(sessions.as("u"), "GRANT EXECUTE ON PROCEDURE d1.p TO v");
        assertEquals(List.of("GRANT USAGE ON *.* TO `v`@`%`", "GRANT EXECUTE ON PROCEDURE `d1`.`p` TO `v`@`%`"),
                root.lines("SHOW GRANTS FOR v"));
    }

    @Test
    void theCreatorMayRunAndDropItsRoutineAndTheGrantsGoWithIt() {
        root.exec("CREATE USER w");
        root.exec("GRANT CREATE ROUTINE, SELECT ON d1.* TO w");
        Session w = sessions.as("w");
        sessions.run(w, "USE d1");
        sessions.run(w, "CREATE PROCEDURE q() SELECT 2");
        sessions.run(w, "CREATE FUNCTION g() RETURNS INT RETURN 4");
        assertEquals(List.of("GRANT USAGE ON *.* TO `w`@`%`",
                "GRANT SELECT, CREATE ROUTINE ON `d1`.* TO `w`@`%`",
                "GRANT EXECUTE, ALTER ROUTINE ON PROCEDURE `d1`.`q` TO `w`@`%`",
                "GRANT EXECUTE, ALTER ROUTINE ON FUNCTION `d1`.`g` TO `w`@`%`"), root.lines("SHOW GRANTS FOR w"));
        sessions.run(w, "CALL q()");
        assertEquals(List.of("4"), sessions.run(w, "SELECT g()"));
        assertEquals(1370, sessions.code(w, "CALL p()"));
        root.exec("GRANT EXECUTE ON PROCEDURE d1.q TO u");
        sessions.run(w, "DROP PROCEDURE q");
        sessions.run(w, "DROP FUNCTION g");
        assertEquals(List.of("GRANT USAGE ON *.* TO `w`@`%`", "GRANT SELECT, CREATE ROUTINE ON `d1`.* TO `w`@`%`"),
                root.lines("SHOW GRANTS FOR w"));
        assertEquals(List.of("GRANT USAGE ON *.* TO `u`@`%`"), root.lines("SHOW GRANTS FOR u"),
                "dropping a routine drops every account's grants on it");
    }

    @Test
    void routineGrantsSurviveARestart() {
        root.exec("GRANT EXECUTE ON PROCEDURE d1.p TO u");
        root.exec("GRANT ALTER ROUTINE ON FUNCTION d1.f TO u");
        List<String> before = root.lines("SHOW GRANTS FOR u");
        root.close();
        root = new EngineFixture(dir);
        sessions = new AccountSessions(root);
        assertEquals(before, root.lines("SHOW GRANTS FOR u"));
        sessions.run(sessions.as("u"), "CALL d1.p()");
        assertEquals(1370, sessions.code(sessions.as("u"), "CALL d1.other()"));
    }

    @Test
    void loadDataWithoutFileIsTheLoginError() {
        root.exec("GRANT INSERT ON d1.* TO u");
        Session u = sessions.as("u");
        var e = sessions.fails(u, "LOAD DATA INFILE '/etc/hostname' INTO TABLE d1.t");
        assertEquals(1045, e.code());
        assertEquals("28000", e.sqlState());
        assertEquals("Access denied for user 'u'@'127.0.0.1' (using password: YES)", e.getMessage());
    }
}
