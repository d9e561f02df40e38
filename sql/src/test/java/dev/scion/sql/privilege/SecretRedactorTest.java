package dev.scion.sql.privilege;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    @Test
    void passwordsInAccountStatementsAreRemoved() {
        assertEquals("CREATE USER 'bob'@'%' IDENTIFIED BY <secret>",
                SecretRedactor.redact("CREATE USER 'bob'@'%' IDENTIFIED BY 'hunter2'"));
        assertEquals("alter user bob identified with caching_sha2_password by <secret> REPLACE <secret>",
                SecretRedactor.redact("alter user bob identified with caching_sha2_password by \"n3w\" REPLACE 'old'"));
        assertEquals("SET PASSWORD FOR bob = <secret>", SecretRedactor.redact("SET PASSWORD FOR bob = 'x''y'"));
        assertEquals("SELECT PASSWORD(<secret>)", SecretRedactor.redact("SELECT PASSWORD('p\\'w')"));
        assertEquals("CREATE USER a IDENTIFIED BY <secret>, b IDENTIFIED BY <secret>",
                SecretRedactor.redact("CREATE USER a IDENTIFIED BY 'one', b IDENTIFIED BY 'two'"));
    }

    @Test
    void credentialsInRemoteUrlsAreRemoved() {
        String out = SecretRedactor.redact("CALL dolt_clone('http://root:topsecret@host:50051/db')");
        assertEquals("CALL dolt_clone('http://root:<secret>@host:50051/db')", out);
        assertFalse(out.contains("topsecret"));
    }

    @Test
    void ordinaryStatementsAreUnchanged() {
        String sql = "INSERT INTO t (password) VALUES ('not a credential statement')";
        assertEquals(sql, SecretRedactor.redact(sql));
        assertEquals("SELECT 'identified' FROM t", SecretRedactor.redact("SELECT 'identified' FROM t"));
    }

    @Test
    void theHintScanFindsItsWordsInAnyCase() {
        org.junit.jupiter.api.Assertions.assertTrue(SecretRedactor.mayHoldSecret("set PaSsWoRd = 'x'"));
        org.junit.jupiter.api.Assertions.assertTrue(SecretRedactor.mayHoldSecret("x identified"));
        org.junit.jupiter.api.Assertions.assertTrue(SecretRedactor.mayHoldSecret("call f('http://h')"));
        org.junit.jupiter.api.Assertions.assertTrue(SecretRedactor.mayHoldSecret("ALTER USER a REPLACE 'o'"));
        assertFalse(SecretRedactor.mayHoldSecret("UPDATE sbtest1 SET k=k+1 WHERE id=5020"));
        assertFalse(SecretRedactor.mayHoldSecret("SELECT 'pass', 'identifie', 'replac', ':/' FROM p"));
    }
}
