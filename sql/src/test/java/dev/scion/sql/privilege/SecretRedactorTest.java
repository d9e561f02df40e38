package dev.scion.sql.privilege;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretRedactorTest {
    @Test
    void hidesPasswordsAndNothingElse() {
        assertEquals("CREATE USER 'a'@'%' IDENTIFIED BY <secret>, b IDENTIFIED BY <secret>",
                SecretRedactor.redact("CREATE USER 'a'@'%' IDENTIFIED BY 'p''w', b IDENTIFIED BY \"x\\\"y\""));
        assertEquals("ALTER USER a IDENTIFIED WITH caching_sha2_password BY <secret>",
                SecretRedactor.redact("ALTER USER a IDENTIFIED WITH caching_sha2_password BY 'pw'"));
        assertEquals("SET PASSWORD FOR 'a'@'%' = <secret>", SecretRedactor.redact("SET PASSWORD FOR 'a'@'%' = 'pw'"));
        assertEquals("SELECT 'IDENTIFIED' FROM t", SecretRedactor.redact("SELECT 'IDENTIFIED' FROM t"));
        assertEquals("SELECT 1", SecretRedactor.redact("SELECT 1"));
    }
}
