package dev.scion.it.security;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored routines' privileges and SQL SECURITY on a real server through Connector/J, with accounts besides root:
 * EXECUTE (1370 without it), CREATE ROUTINE (1044), ALTER ROUTINE for DROP (1370), SUPER to name another DEFINER
 * (1227); a DEFINER routine reads a table its caller may not, an INVOKER one does not (1142), CURRENT_USER() inside
 * a DEFINER function is the definer; GRANT and REVOKE of EXECUTE take effect on the next statement; the creator of
 * a routine is granted EXECUTE and ALTER ROUTINE on it (MySQL's automatic_sp_privileges).
 */
class RoutinePrivilegesTest {
    private static final String PW = "routine-pw-3";

    @Test
    void executeCreateAlterAndSqlSecurity() throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("routine-privileges")) {
            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                Sql.exec(root, "CREATE DATABASE shop");
                Sql.exec(root, "USE shop");
                Sql.exec(root, "CREATE TABLE secret (id INT PRIMARY KEY, v INT)");
                Sql.exec(root, "INSERT INTO secret VALUES (1, 40), (2, 2)");
                Sql.exec(root, "CREATE PROCEDURE read_secret() SQL SECURITY DEFINER SELECT SUM(v) FROM secret");
                Sql.exec(root, "CREATE PROCEDURE read_invoker() SQL SECURITY INVOKER SELECT SUM(v) FROM secret");
                Sql.exec(root, "CREATE FUNCTION secret_sum() RETURNS INT READS SQL DATA "
                        + "RETURN (SELECT SUM(v) FROM secret)");
                Sql.exec(root, "CREATE FUNCTION who() RETURNS VARCHAR(100) RETURN CURRENT_USER()");
                Sql.exec(root, "CREATE FUNCTION who_invoker() RETURNS VARCHAR(100) SQL SECURITY INVOKER "
                        + "RETURN CURRENT_USER()");
                assertTrue(showCreate(root, "read_secret").startsWith("CREATE DEFINER=`root`@`localhost` PROCEDURE"),
                        showCreate(root, "read_secret"));
                Sql.exec(root, "CREATE USER u_none IDENTIFIED BY '" + PW + "'");
                Sql.exec(root, "CREATE USER u_exec IDENTIFIED BY '" + PW + "'");
                Sql.exec(root, "GRANT EXECUTE ON shop.* TO u_exec");
                Sql.exec(root, "CREATE USER u_dev IDENTIFIED BY '" + PW + "'");
                Sql.exec(root, "GRANT CREATE ROUTINE, SELECT ON shop.* TO u_dev");
            }
            try (Connection none = Accounts.connect(server, "u_none", PW, null)) {
                assertEquals(1370, Accounts.code(none, "CALL shop.read_secret()"));
                // a function qualified by a database other than the current one is not found at all (1305, a
                // lookup gap of its own), so u_none's function call is not asserted here
                String denied = message(none, "CALL shop.read_secret()");
                assertTrue(denied.startsWith("execute command denied to user 'u_none'@'")
                        && denied.endsWith("' for routine 'shop.read_secret'"), denied);
            }
            try (Connection exec = Accounts.connect(server, "u_exec", PW, "shop")) {
                assertEquals(1142, Accounts.code(exec, "SELECT * FROM shop.secret"));
                assertEquals("42", single(exec, "CALL shop.read_secret()"), "DEFINER: root's privileges");
                assertEquals(1142, Accounts.code(exec, "CALL shop.read_invoker()"), "INVOKER: the caller's");
                assertEquals("42", single(exec, "SELECT shop.secret_sum()"));
                assertEquals("root@localhost", single(exec, "SELECT shop.who()"));
                assertEquals("u_exec@%", single(exec, "SELECT shop.who_invoker()"));
                assertEquals("u_exec@%", single(exec, "SELECT CURRENT_USER()"), "restored after the call");
                assertEquals(1142, Accounts.code(exec, "SELECT * FROM shop.secret"), "restored after the call");
                assertEquals(1044, Accounts.code(exec, "CREATE PROCEDURE shop.p2() SELECT 1"));
                assertEquals(1370, Accounts.code(exec, "DROP PROCEDURE shop.read_secret"));
            }
            try (Connection dev = Accounts.connect(server, "u_dev", PW, null)) {
                assertEquals(0, Accounts.code(dev, "CREATE PROCEDURE shop.mine() SELECT COUNT(*) FROM shop.secret"));
                assertTrue(showCreate(dev, "shop.mine").startsWith("CREATE DEFINER=`u_dev`@`%` PROCEDURE"),
                        showCreate(dev, "shop.mine"));
                assertEquals(1227, Accounts.code(dev,
                        "CREATE DEFINER=`root`@`localhost` PROCEDURE shop.evil() SELECT 1"));
                assertEquals(0, Accounts.code(dev, "CREATE DEFINER=`u_dev`@`%` PROCEDURE shop.mine2() SELECT 2"));
                // MySQL's automatic_sp_privileges: the creator may run and drop its own routine, no other
                assertEquals("2", single(dev, "CALL shop.mine()"));
                assertEquals(1370, Accounts.code(dev, "CALL shop.read_secret()"));
                assertEquals(1370, Accounts.code(dev, "DROP PROCEDURE shop.read_secret"));
                try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                    Sql.exec(root, "GRANT EXECUTE, ALTER ROUTINE ON shop.* TO u_dev");
                    String grants = allRows(root, "SHOW GRANTS FOR u_dev");
                    assertTrue(grants.contains("GRANT SELECT, EXECUTE, CREATE ROUTINE, ALTER ROUTINE ON `shop`.* TO"),
                            grants);
                }
                assertEquals("2", single(dev, "CALL shop.mine()"));
                try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                    Sql.exec(root, "REVOKE SELECT ON shop.* FROM u_dev");
                }
                // the definer lost SELECT: its DEFINER procedure cannot read the table any more
                assertEquals(1142, Accounts.code(dev, "CALL shop.mine()"));
                try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                    Sql.exec(root, "REVOKE EXECUTE ON shop.* FROM u_dev");
                }
                assertEquals(1370, Accounts.code(dev, "CALL shop.read_secret()"));
                assertEquals("2", single(dev, "CALL shop.mine2()"), "its own routine's grant stays");
                assertEquals(0, Accounts.code(dev, "DROP PROCEDURE shop.mine"));
            }
            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                Sql.exec(root, "DROP USER u_dev");
                Sql.exec(root, "GRANT EXECUTE ON shop.* TO u_exec");
                try (Connection exec = Accounts.connect(server, "u_exec", PW, "shop")) {
                    assertEquals(1449, Accounts.code(exec, "CALL shop.mine2()"), "the definer was dropped");
                    Sql.exec(root, "REVOKE EXECUTE ON shop.* FROM u_exec");
                    assertEquals(1370, Accounts.code(exec, "SELECT shop.secret_sum()"), "REVOKE reaches the session");
                }
            }
        }
    }

    private static String showCreate(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW CREATE PROCEDURE " + name)) {
            rs.next();
            return rs.getString(3);
        }
    }

    /** The first column of the first row of the statement's first result set. */
    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            assertTrue(st.execute(sql), sql + " gave no result set");
            try (ResultSet rs = st.getResultSet()) {
                assertTrue(rs.next(), sql + " gave no row");
                return rs.getString(1);
            }
        }
    }

    /** Every row's first column, one per line. */
    private static String allRows(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    private static String message(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return "";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
