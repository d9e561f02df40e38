package dev.scion.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FastPathScannerTest {
    private static final Set<String> RESERVED = Set.of("FROM", "WHERE");

    @Test
    void identifiersPlainAndBackQuotedButNoReservedWordOrLeadingDigit() {
        FastPathScanner in = new FastPathScanner("  k  `from` where 1x", 0);
        assertEquals("k", in.identifier(RESERVED));
        assertEquals("from", in.identifier(RESERVED), "back-quoted, a reserved word is a name");
        int before = in.position();
        assertNull(in.identifier(RESERVED));
        assertTrue(in.keyword("WHERE"), "a refused identifier leaves the position where it was");
        assertTrue(in.position() > before);
        assertNull(in.identifier(RESERVED), "names do not start with a digit");
        assertNull(new FastPathScanner("`a``b`", 0).identifier(RESERVED), "doubled back-quotes go to the parser");
    }

    @Test
    void keywordsAreWholeWordsInAnyCase() {
        FastPathScanner in = new FastPathScanner("fromage From", 0);
        assertFalse(in.keyword("FROM"));
        assertEquals("fromage", in.identifier(RESERVED));
        assertTrue(in.keyword("FROM"));
        assertTrue(in.end());
    }

    @Test
    void literalsAreIntegersAndPlainStrings() {
        assertEquals(-42L, new FastPathScanner(" -42", 0).literal());
        assertEquals("a b", new FastPathScanner("'a b'", 0).literal());
        assertNull(new FastPathScanner("'it''s'", 0).literal(), "doubled quotes go to the parser");
        assertNull(new FastPathScanner("'a\\'b'", 0).literal(), "escapes go to the parser");
        assertNull(new FastPathScanner("1234567890123456789", 0).literal(), "19 digits may overflow a long");
        FastPathScanner decimal = new FastPathScanner("1.5", 0);
        assertNull(decimal.literal());
        assertEquals(0, decimal.position(), "a refused number leaves the position where it was");
    }

    @Test
    void theEndAllowsOneSemicolonAndSpace() {
        FastPathScanner in = new FastPathScanner("x ; ", 1);
        assertTrue(in.end());
        assertFalse(new FastPathScanner("x;;", 1).end());
        FastPathScanner sym = new FastPathScanner(" , *", 0);
        assertTrue(sym.symbol(','));
        assertEquals('*', sym.peek());
        assertFalse(sym.space(), "peek skipped the space already");
    }
}
