package dev.scion.it.security;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, passwords and grants live in the data directory: they survive a clean restart and kill -9. */
class AccountPersistenceTest {

    @Test
    void accountsAndGrantsSurviveRestartAndKill() throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("account-persistence")) {
            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                Sql.exec(root, "CREATE DATABASE app");
                Sql.exec(root, "CREATE TABLE app.t (id INT PRIMARY KEY)");
                Sql.exec(root, "CREATE USER 'alice'@'%' IDENTIFIED BY 'first-Pw-1'");
                Sql.exec(root, "CREATE USER 'bob'@'localhost' IDENTIFIED BY 'bob-Pw-2'");
                Sql.exec(root, "GRANT SELECT, INSERT ON app.* TO 'alice'@'%'");
                Sql.exec(root, "GRANT SELECT ON app.t TO 'bob'@'localhost' WITH GRANT OPTION");
            }
            List<List<String>> grants = grantsOfAlice(server);
            assertEquals(List.of(List.of("GRANT USAGE ON *.* TO `alice`@`%`"),
                    List.of("GRANT SELECT, INSERT ON `app`.* TO `alice`@`%`")), grants);

            server.restart();
            assertEquals(grants, grantsOfAlice(server), "after a clean restart");
            assertEquals(0, Accounts.loginCode(server, "alice", "first-Pw-1", "app"));
            assertEquals(0, Accounts.loginCode(server, "bob", "bob-Pw-2", "app"));

            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                Sql.exec(root, "ALTER USER alice IDENTIFIED BY 'second-Pw-3'");
                Sql.exec(root, "DROP USER 'bob'@'localhost'");
            }
            server.killAndRestart();
            assertEquals(grants, grantsOfAlice(server), "after kill -9");
            assertEquals(1045, Accounts.loginCode(server, "alice", "first-Pw-1", null), "the old password is gone");
            assertEquals(0, Accounts.loginCode(server, "alice", "second-Pw-3", null));
            assertEquals(1045, Accounts.loginCode(server, "bob", "bob-Pw-2", null), "the dropped user stays dropped");

            Path file = server.dataDir().resolve(".scion_privileges.json");
            String text = Files.readString(file);
            for (String secret : List.of("first-Pw-1", "second-Pw-3", "bob-Pw-2")) {
                assertFalse(text.contains(secret), "no cleartext password in " + file);
            }
            assertTrue(text.contains("\"authentication_string\" : \"$A$005$"), text);
            try (Connection root = ConnectorJ.V9.connect(server, null, false)) {
                assertFalse(Sql.column(root, "SHOW DATABASES").contains(".scion_privileges.json"));
            }
            Accounts.figures("persistence: 2 accounts, 3 grants, 1 clean restart + 1 kill -9, password change and"
                    + " drop kept; 0 cleartext passwords on disk");
        }
    }

    private static List<List<String>> grantsOfAlice(ScionServerProcess server) throws Exception {
        try (Connection c = Accounts.connect(server, "alice", passwordOfAlice(server), null)) {
            return Sql.rows(c, "SHOW GRANTS");
        }
    }

    /** Alice's current password: the first until the test changes it. */
    private static String passwordOfAlice(ScionServerProcess server) {
        return Accounts.loginCode(server, "alice", "first-Pw-1", null) == 0 ? "first-Pw-1" : "second-Pw-3";
    }
}
