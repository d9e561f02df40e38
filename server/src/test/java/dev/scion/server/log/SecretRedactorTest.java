package dev.scion.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    @Test
    void passwordsInAccountStatementsAreRemoved() {
        assertEquals("CREATE USER 'bob'@'%' IDENTIFIED BY '<redacted>'",
                SecretRedactor.redact("CREATE USER 'bob'@'%' IDENTIFIED BY 'hunter2'"));
        assertEquals("alter user bob identified with caching_sha2_password by '<redacted>' REPLACE '<redacted>'",
                SecretRedactor.redact("alter user bob identified with caching_sha2_password by \"n3w\" REPLACE 'old'"));
        assertEquals("SET PASSWORD FOR bob = '<redacted>'", SecretRedactor.redact("SET PASSWORD FOR bob = 'x''y'"));
        assertEquals("SELECT PASSWORD('<redacted>')", SecretRedactor.redact("SELECT PASSWORD('p\\'w')"));
        assertEquals("CREATE USER a IDENTIFIED BY '<redacted>', b IDENTIFIED BY '<redacted>'",
                SecretRedactor.redact("CREATE USER a IDENTIFIED BY 'one', b IDENTIFIED BY 'two'"));
    }

    @Test
    void credentialsInRemoteUrlsAreRemoved() {
        String out = SecretRedactor.redact("CALL dolt_clone('http://root:topsecret@host:50051/db')");
        assertEquals("CALL dolt_clone('http://root:<redacted>@host:50051/db')", out);
        assertFalse(out.contains("topsecret"));
    }

    @Test
    void ordinaryStatementsAreUnchanged() {
        String sql = "INSERT INTO t (password) VALUES ('not a credential statement')";
        assertEquals(sql, SecretRedactor.redact(sql));
        assertEquals("SELECT 'identified' FROM t", SecretRedactor.redact("SELECT 'identified' FROM t"));
    }
}
