package dev.scion.sql.privilege;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Sha256CryptTest {

    /** Digests from `openssl passwd -5 -salt S P` (5000 rounds, the same algorithm caching_sha2 stores). */
    @Test
    void matchesTheReferenceImplementation() {
        assertEquals("5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5", Sha256Crypt.digest("Hello world!", "saltstring", 5000));
        assertEquals("eLlGDRRp0Ru9mPmgmlr4LXrFitzWX28EZT5eMNr5fN6",
                Sha256Crypt.digest("correct horse", "abcdefghijklmnop", 5000));
    }

    @Test
    void storedPasswordHasMySqlsFormAndChecks() {
        StoredPassword p = StoredPassword.of("s3cret");
        assertTrue(p.text().matches("\\$A\\$005\\$[./0-9A-Za-z]{20}[./0-9A-Za-z]{43}"), p.text());
        assertTrue(p.matches("s3cret"));
        assertFalse(p.matches("s3cret "));
        assertFalse(p.matches(""));
        assertTrue(StoredPassword.parse(p.text()).matches("s3cret"));
        assertNotEquals(p.text(), StoredPassword.of("s3cret").text(), "salted");
        assertFalse(p.toString().contains(p.text()), "toString never shows the verifier");
        assertThrows(IllegalArgumentException.class, () -> StoredPassword.parse("pbkdf2-sha256$1$x$y"));
    }
}
