package dev.scion.sql.frontend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Comments go, versioned comments open up, and text without either comes back as it was, only trimmed. */
class PreprocessorTest {
    @Test
    void textWithoutCommentsIsOnlyTrimmed() {
        String sql = "UPDATE t SET c='a /* b */ -- c # d' WHERE id=1";
        assertSame(sql, Preprocessor.normalize(sql), "no copy of a statement with nothing to remove");
        assertEquals("SELECT 1--2", Preprocessor.normalize("  SELECT 1--2 \n"), "-- without a space is minus minus");
        assertEquals("SELECT `a#b`, \"c/*d\"", Preprocessor.normalize("SELECT `a#b`, \"c/*d\""));
        assertEquals("SELECT 'it''s -- x', 'a\\' # b'", Preprocessor.normalize("SELECT 'it''s -- x', 'a\\' # b'"));
    }

    @Test
    void commentsAreRemovedAndVersionedCommentsKeptByVersion() {
        assertEquals("SELECT   1", Preprocessor.normalize("SELECT /* one */ 1"));
        assertEquals("SELECT 1", Preprocessor.normalize("SELECT 1 -- one\n"));
        assertEquals("SELECT 1", Preprocessor.normalize("SELECT 1 # one"));
        assertEquals("SELECT  STRAIGHT_JOIN  1", Preprocessor.normalize("SELECT /*!50000 STRAIGHT_JOIN */ 1"));
        assertEquals("SELECT    1", Preprocessor.normalize("SELECT /*!99999 NEVER */ 1"));
        assertEquals("UPDATE t SET c='/*x*/' WHERE id=1",
                Preprocessor.normalize("UPDATE t SET c='/*x*/' WHERE id=1 /* trailing */"));
    }
}
