package dev.scion.sql.privilege;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account statements and privilege checks on a real engine, with sessions bound to accounts as the server binds them. */
class PrivilegeChecksTest {
    @TempDir
    Path dir;
    private EngineFixture root;
    private AccountSessions sessions;

    @BeforeEach
    void setUp() {
        root = new EngineFixture(dir);
        sessions = new AccountSessions(root);
        root.exec("CREATE DATABASE shop");
        root.exec("CREATE DATABASE hr");
        root.exec("USE shop");
        root.exec("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
        root.exec("CREATE TABLE secrets (id INT PRIMARY KEY)");
        root.exec("INSERT INTO items VALUES (1, 'apple')");
        root.exec("CALL dolt_commit('-Am', 'init')");
        root.exec("CREATE TABLE hr.pay (id INT PRIMARY KEY, amount INT)");
    }

    @AfterEach
    void tearDown() {
        root.close();
    }

    private Session as(String user) {
        return sessions.as(user);
    }

    private List<String> run(Session s, String sql) {
        return sessions.run(s, sql);
    }

    private SqlError fails(Session s, String sql) {
        return sessions.fails(s, sql);
    }

    /** MySQL: CREATE TEMPORARY TABLES on the database to make one; none at all to use it afterwards. */
    @Test
    void temporaryTablesNeedOnlyTheirOwnPrivilege() {
        root.exec("CREATE USER tess, nora");
        root.exec("GRANT SELECT ON shop.items TO tess");
        root.exec("GRANT CREATE TEMPORARY TABLES ON shop.* TO tess");
        root.exec("GRANT SELECT ON shop.* TO nora");
        Session tess = as("tess");
        run(tess, "USE shop");
        run(tess, "CREATE TEMPORARY TABLE scratch (id INT PRIMARY KEY, n INT)");
        run(tess, "INSERT INTO scratch VALUES (1, 1), (2, 2)");
        run(tess, "UPDATE scratch SET n = n * 10");
        run(tess, "DELETE FROM scratch WHERE id = 1");
        run(tess, "ALTER TABLE scratch ADD COLUMN m INT");
        assertEquals(List.of("2|20|null"), run(tess, "SELECT * FROM scratch"));
        run(tess, "DROP TEMPORARY TABLE scratch");
        assertEquals(1142, sessions.code(tess, "CREATE TABLE kept (id INT)"));
        assertEquals(1142, sessions.code(tess, "INSERT INTO items VALUES (5, 'pear')"));

        Session nora = as("nora");
        run(nora, "USE shop");
        assertEquals(1044, sessions.code(nora, "CREATE TEMPORARY TABLE scratch (id INT)"));
    }

    @Test
    void createAlterDropUserWithMySqlErrors() {
        root.exec("CREATE USER 'ann'@'%' IDENTIFIED BY 'pw1'");
        SqlError dup = assertThrows(SqlError.class, () -> root.exec("CREATE USER ann IDENTIFIED BY 'x'"));
        assertEquals(1396, dup.code());
        assertEquals("Operation CREATE USER failed for 'ann'@'%'", dup.getMessage());
        root.exec("CREATE USER IF NOT EXISTS ann");
        assertEquals(3163, root.session().warnings().get(0).code());

        SqlError partial = assertThrows(SqlError.class, () -> root.exec("CREATE USER bob, ann"));
        assertEquals(1396, partial.code());
        assertTrue(root.engine().accounts().find(new Account("bob", "%")).isEmpty(), "all or nothing");

        root.exec("ALTER USER ann IDENTIFIED BY 'pw2'");
        assertTrue(root.engine().accounts().find(new Account("ann", "%")).orElseThrow().password().matches("pw2"));
        assertEquals(1396, assertThrows(SqlError.class, () -> root.exec("ALTER USER ghost IDENTIFIED BY 'x'")).code());
        root.exec("RENAME USER ann TO 'anne'@'localhost'");
        assertTrue(root.engine().accounts().find(new Account("anne", "localhost")).isPresent());
        root.exec("DROP USER 'anne'@'localhost'");
        assertEquals(1396, assertThrows(SqlError.class, () -> root.exec("DROP USER 'anne'@'localhost'")).code());
        root.exec("DROP USER IF EXISTS 'anne'@'localhost'");
        assertEquals(1064, assertThrows(SqlError.class, () -> root.exec("CREATE USER")).code());
    }

    @Test
    void aRevokeReachesStatementsWhosePlansAreCached() {
        root.exec("CREATE USER ann");
        root.exec("GRANT SELECT ON shop.* TO ann");
        Session ann = as("ann");
        run(ann, "USE shop");
        List<String> statements = List.of("SELECT name FROM items WHERE id > 0", "SELECT name FROM items WHERE id = 1");
        for (int i = 0; i < 3; i++) { // planned, then found in the plan cache (by text the third time)
            for (String sql : statements) {
                assertEquals(List.of("apple"), run(ann, sql));
            }
        }
        root.exec("REVOKE SELECT ON shop.* FROM ann");
        for (String sql : statements) {
            assertEquals(1142, fails(ann, sql).code(), sql);
        }
    }

    @Test
    void grantsShowAndRevoke() {
        root.exec("CREATE USER ann IDENTIFIED BY 'pw'");
        root.exec("GRANT SELECT, INSERT ON shop.* TO ann");
        root.exec("GRANT UPDATE ON shop.items TO ann WITH GRANT OPTION");
        root.exec("GRANT ALL ON hr.* TO ann");
        assertEquals(List.of("GRANT USAGE ON *.* TO `ann`@`%`",
                "GRANT ALL PRIVILEGES ON `hr`.* TO `ann`@`%`",
                "GRANT SELECT, INSERT ON `shop`.* TO `ann`@`%`",
                "GRANT UPDATE ON `shop`.`items` TO `ann`@`%` WITH GRANT OPTION"),
                root.lines("SHOW GRANTS FOR ann"));
        assertEquals(root.lines("SHOW GRANTS FOR ann"), run(as("ann"), "SHOW GRANTS"));
        root.exec("REVOKE INSERT ON shop.* FROM ann");
        root.exec("REVOKE ALL PRIVILEGES, GRANT OPTION FROM ann");
        assertEquals(List.of("GRANT USAGE ON *.* TO `ann`@`%`"), root.lines("SHOW GRANTS FOR ann"));
        assertEquals(1141, assertThrows(SqlError.class, () -> root.exec("REVOKE SELECT ON shop.* FROM ann")).code());
        assertEquals(1410, assertThrows(SqlError.class, () -> root.exec("GRANT SELECT ON shop.* TO ghost")).code());
        assertEquals(1146, assertThrows(SqlError.class, () -> root.exec("GRANT SELECT ON shop.nope TO ann")).code());
        assertEquals(1221, assertThrows(SqlError.class, () -> root.exec("GRANT PROCESS ON shop.* TO ann")).code());
        assertEquals(1144, assertThrows(SqlError.class, () -> root.exec("GRANT EXECUTE ON shop.items TO ann")).code());
        assertEquals(1141, assertThrows(SqlError.class, () -> root.exec("SHOW GRANTS FOR ghost")).code());
    }

    @Test
    void tableDatabaseAndGlobalLevelsForReadsWritesAndDdl() {
        root.exec("CREATE USER tab, dbu, glob");
        root.exec("GRANT SELECT ON shop.items TO tab");
        root.exec("GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO dbu");
        root.exec("GRANT SELECT, CREATE, DROP ON *.* TO glob");

        Session tab = as("tab");
        assertEquals(List.of("tab@%|tab@127.0.0.1"), run(tab, "SELECT CURRENT_USER(), USER()"));
        assertEquals(1227, fails(tab, "SET GLOBAL max_connections = 5").code());
        assertEquals(List.of("1|apple"), run(tab, "SELECT * FROM shop.items"));
        assertEquals(List.of("1|apple"), run(tab, "SELECT * FROM shop.items WHERE id = 1"), "point-select fast path");
        SqlError e = fails(tab, "SELECT * FROM shop.secrets");
        assertEquals(1142, e.code());
        assertEquals("SELECT command denied to user 'tab'@'127.0.0.1' for table 'secrets'", e.getMessage());
        assertEquals(1142, fails(tab, "SELECT * FROM shop.secrets WHERE id = 1").code());
        assertEquals(1142, fails(tab, "SELECT (SELECT count(*) FROM shop.secrets)").code(), "subqueries too");
        assertEquals(1142, fails(tab, "INSERT INTO shop.items VALUES (2, 'pear')").code());
        assertEquals(1142, fails(tab, "SELECT * FROM shop.dolt_log").code(), "system tables need the database");
        run(tab, "USE shop");
        assertEquals(List.of("items"), run(tab, "SHOW TABLES"));
        assertEquals(1044, fails(tab, "USE hr").code());
        assertEquals(1044, fails(tab, "SHOW CREATE DATABASE hr").code());
        assertEquals(1044, fails(tab, "SHOW CREATE DATABASE no_such_db").code(), "no probing for names");
        assertEquals(1, run(tab, "SHOW CREATE DATABASE shop").size());

        Session dbu = as("dbu");
        run(dbu, "INSERT INTO shop.items VALUES (2, 'pear')");
        run(dbu, "UPDATE shop.items SET name = 'PEAR' WHERE id = 2");
        run(dbu, "DELETE FROM shop.items WHERE id = 2");
        assertEquals(2, run(dbu, "SELECT * FROM shop.dolt_log").size());
        assertEquals(1142, fails(dbu, "CREATE TABLE shop.t2 (id INT PRIMARY KEY)").code());
        assertEquals(1142, fails(dbu, "DROP TABLE shop.secrets").code());
        assertEquals(1142, fails(dbu, "ALTER TABLE shop.items ADD COLUMN x INT").code());
        assertEquals(1142, fails(dbu, "CREATE INDEX ix ON shop.items (name)").code());
        assertEquals(1142, fails(dbu, "SELECT * FROM hr.pay").code());
        assertEquals(1044, fails(dbu, "CREATE DATABASE mine").code());

        Session glob = as("glob");
        run(glob, "CREATE TABLE shop.t2 (id INT PRIMARY KEY)");
        run(glob, "DROP TABLE shop.t2");
        assertEquals(List.of(), run(glob, "SELECT * FROM hr.pay"));
        assertEquals(1142, fails(glob, "INSERT INTO hr.pay VALUES (1, 2)").code());
        run(glob, "CREATE DATABASE mine");
        run(glob, "DROP DATABASE mine");
    }

    @Test
    void tableFunctionsAndCommitDiffTablesNeedSelectOnTheDatabase() {
        root.exec("INSERT INTO secrets VALUES (42)");
        root.exec("CALL dolt_commit('-Am', 'a secret')");
        root.exec("CREATE USER tab, dbr, nobody");
        root.exec("GRANT SELECT ON shop.items TO tab");
        root.exec("GRANT SELECT ON shop.* TO dbr");
        Session tab = as("tab");
        run(tab, "USE shop");
        run(tab, "SET @t = 'secrets'");
        for (String sql : List.of("SELECT * FROM dolt_diff('HEAD~1', 'HEAD', 'secrets')",
                "SELECT * FROM dolt_diff('HEAD~1', 'HEAD', @t)",
                "SELECT * FROM dolt_diff_stat('HEAD~1', 'HEAD')",
                "SELECT * FROM dolt_diff_summary('HEAD~1', 'HEAD')",
                "SELECT * FROM dolt_patch('HEAD~1', 'HEAD')",
                "SELECT * FROM dolt_schema_diff('HEAD~1', 'HEAD')",
                "SELECT * FROM dolt_log()",
                "SELECT l.message FROM items i, LATERAL (SELECT message FROM dolt_log(i.name)) l",
                "SELECT * FROM shop.dolt_commit_diff_secrets WHERE from_commit = 'HEAD~1' AND to_commit = 'HEAD'")) {
            assertEquals(1142, fails(tab, sql).code(), sql);
        }
        Session none = as("nobody");
        assertEquals(1142, fails(none, "SELECT * FROM hr.dolt_commit_diff_pay WHERE from_commit = 'HEAD' "
                + "AND to_commit = 'WORKING'").code(), "another database, without USE");
        Session dbr = as("dbr");
        run(dbr, "USE shop");
        assertEquals(List.of("42"), run(dbr, "SELECT to_id FROM dolt_diff('HEAD~1', 'HEAD', 'secrets')"));
        run(dbr, "SET @t = 'secrets'");
        assertEquals(List.of("42"), run(dbr, "SELECT to_id FROM dolt_diff('HEAD~1', 'HEAD', @t)"), "a variable table");
        assertEquals(List.of("42"), run(dbr, "SELECT to_id FROM dolt_commit_diff_secrets "
                + "WHERE from_commit = 'HEAD~1' AND to_commit = 'HEAD'"));
        assertEquals(3, run(dbr, "SELECT * FROM dolt_log()").size());
        assertEquals(List.of("6"), run(dbr, "SELECT COUNT(*) FROM dolt_log() l1, "
                + "LATERAL (SELECT 1 FROM dolt_log(l1.commit_hash)) l2"), "arguments from an earlier table");
        assertEquals(1142, fails(tab, "SELECT dolt_hashof_table('secrets')").code(), "a table it cannot read");
        assertEquals(1142, fails(tab, "SELECT dolt_hashof_table('no_such_table')").code(), "no probing of names");
        assertEquals(1, run(tab, "SELECT dolt_hashof_table('items')").size());
        assertEquals(1, run(dbr, "SELECT dolt_hashof_table('secrets')").size());
    }

    @Test
    void killingAnotherAccountsConnectionNeedsSuper() {
        root.exec("CREATE USER tab, admin");
        root.exec("GRANT SUPER ON *.* TO admin");
        Session tab = as("tab");
        Session tabAgain = as("tab");
        long rootConnection = root.session().connectionId();
        SqlError denied = fails(tab, "KILL " + rootConnection);
        assertEquals(1095, denied.code());
        assertEquals("You are not owner of thread " + rootConnection, denied.getMessage());
        assertEquals(1095, fails(tab, "KILL QUERY " + rootConnection).code());
        // one's own connections pass the check (the engine alone has no connections to kill: 1094)
        assertEquals(1094, fails(tab, "KILL " + tabAgain.connectionId()).code());
        assertEquals(1094, fails(as("admin"), "KILL " + rootConnection).code());
    }

    @Test
    void proceduresNeedWritePrivilegeToWriteAndSelectToMove() {
        root.exec("CREATE USER reader, writer");
        root.exec("GRANT SELECT ON shop.* TO reader");
        root.exec("GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO writer");
        root.exec("CALL dolt_branch('feature')");

        Session reader = as("reader");
        run(reader, "USE shop");
        run(reader, "CALL dolt_checkout('feature')");
        for (String write : List.of("CALL dolt_commit('--allow-empty', '-m', 'x')", "CALL dolt_branch('b2')",
                "CALL dolt_checkout('-b', 'b3')", "SELECT dolt_commit('--allow-empty', '-m', 'x')",
                "CALL dolt_reset('--hard')", "CALL dolt_tag('v1')", "CALL dolt_merge('main')")) {
            assertEquals(1044, fails(reader, write).code(), write);
        }
        assertEquals(1227, fails(reader, "CALL dolt_gc()").code());

        Session writer = as("writer");
        run(writer, "USE shop");
        run(writer, "CALL dolt_branch('b2')");
        run(writer, "CALL dolt_commit('--allow-empty', '-m', 'by writer')");
    }

    @Test
    void listingsShowOnlyWhatTheUserMaySee() {
        root.exec("CREATE USER ann");
        root.exec("GRANT SELECT ON shop.items TO ann");
        Session ann = as("ann");
        assertEquals(List.of("information_schema", "shop"), run(ann, "SHOW DATABASES"));
        assertEquals(List.of("information_schema", "shop"),
                run(ann, "SELECT schema_name FROM information_schema.schemata ORDER BY 1"));
        assertEquals(List.of("shop|items"), run(ann,
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema <> 'information_schema'"));
        assertEquals(List.of("id", "name"), run(ann,
                "SELECT column_name FROM information_schema.columns ORDER BY ordinal_position"));
        assertEquals(1142, fails(ann, "SHOW CREATE TABLE shop.secrets").code());
        assertEquals(1142, fails(ann, "SHOW COLUMNS FROM shop.nothere").code(), "no probing for names");
        assertEquals(List.of("hr", "information_schema", "shop"), root.lines("SHOW DATABASES"),
                "mysql stays out of SHOW DATABASES (seed 001's transcript)");
    }

    @Test
    void mysqlGrantTablesReflectTheCatalogAndNeedSelect() {
        root.exec("CREATE USER ann IDENTIFIED BY 'pw'");
        root.exec("GRANT SELECT ON shop.* TO ann");
        root.exec("GRANT INSERT ON shop.items TO ann");
        assertEquals(List.of("ann|%|root@localhost"), root.lines("SELECT User, Host, user() FROM mysql.user"),
                "a bare User is the column, user() the function");
        List<String> user = root.lines("SELECT User, Host, Select_priv, plugin, authentication_string FROM mysql.user "
                + "WHERE User = 'ann'");
        assertEquals(1, user.size());
        assertTrue(user.get(0).startsWith("ann|%|N|caching_sha2_password|$A$005$"), user.get(0));
        assertEquals(List.of("%|shop|ann|Y|N"), root.lines("SELECT Host, Db, User, Select_priv, Insert_priv FROM mysql.db"));
        assertEquals(List.of("shop|items|Insert"), root.lines("SELECT Db, Table_name, Table_priv FROM mysql.tables_priv"));
        Session ann = as("ann");
        assertEquals(1142, fails(ann, "SELECT * FROM mysql.user").code());
        assertEquals(1044, fails(ann, "USE mysql").code());
        assertEquals(1044, fails(ann, "SHOW GRANTS FOR root").code());
        root.exec("GRANT SELECT ON mysql.* TO ann");
        assertEquals(List.of("ann"), run(ann, "SELECT User FROM mysql.user"));
        run(ann, "USE mysql");
        assertEquals(1007, assertThrows(SqlError.class, () -> root.exec("CREATE DATABASE mysql")).code());
    }

    @Test
    void usersAndGrantsSurviveReopeningTheDataDirectory() throws Exception {
        root.exec("CREATE USER 'ann'@'localhost' IDENTIFIED BY 'Sw0rdfish-pw'");
        root.exec("GRANT SELECT ON shop.items TO 'ann'@'localhost'");
        root.close();
        Path file = dir.resolve(AccountCatalog.FILE_NAME);
        String text = Files.readString(file);
        assertFalse(text.contains("Sw0rdfish-pw"), "no cleartext on disk");
        root = new EngineFixture(dir);
        AccountRecord ann = root.engine().accounts().find(new Account("ann", "localhost")).orElseThrow();
        assertTrue(ann.password().matches("Sw0rdfish-pw"));
        assertEquals(List.of("GRANT USAGE ON *.* TO `ann`@`localhost`",
                "GRANT SELECT ON `shop`.`items` TO `ann`@`localhost`"), root.lines("SHOW GRANTS FOR 'ann'@'localhost'"));
        assertFalse(root.engine().dataDirectory().names().contains(AccountCatalog.FILE_NAME));
    }

    @Test
    void grantorsNeedGrantOption() {
        root.exec("CREATE USER boss, ann");
        root.exec("GRANT SELECT ON shop.* TO boss WITH GRANT OPTION");
        root.exec("GRANT INSERT ON shop.* TO boss");
        Session boss = as("boss");
        run(boss, "GRANT SELECT ON shop.* TO ann");
        run(boss, "GRANT INSERT ON shop.* TO ann"); // GRANT OPTION covers every privilege held at the scope
        assertEquals(1044, fails(boss, "GRANT DELETE ON shop.* TO ann").code(), "DELETE is not held");
        assertEquals(1044, fails(boss, "GRANT SELECT ON hr.* TO ann").code());
        assertEquals(1227, fails(as("ann"), "CREATE USER carl").code());
        assertEquals(List.of("GRANT USAGE ON *.* TO `ann`@`%`", "GRANT SELECT, INSERT ON `shop`.* TO `ann`@`%`"),
                root.lines("SHOW GRANTS FOR ann"));
    }
}
