package dev.scion.sql.fulltext;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BooleanQueryTest {
    @Test
    void operatorsPrefixesPhrasesAndGroups() {
        BooleanQuery.Group g = BooleanQuery.parse("+mysql -yoursql >fast* \"two words\" ~(slow <old)");
        assertEquals(List.of(
                new BooleanQuery.Clause(BooleanQuery.Op.PLUS, new BooleanQuery.Word("mysql", false)),
                new BooleanQuery.Clause(BooleanQuery.Op.MINUS, new BooleanQuery.Word("yoursql", false)),
                new BooleanQuery.Clause(BooleanQuery.Op.MORE, new BooleanQuery.Word("fast", true)),
                new BooleanQuery.Clause(BooleanQuery.Op.NONE, new BooleanQuery.Phrase(List.of("two", "words"))),
                new BooleanQuery.Clause(BooleanQuery.Op.TILDE, new BooleanQuery.Group(List.of(
                        new BooleanQuery.Clause(BooleanQuery.Op.NONE, new BooleanQuery.Word("slow", false)),
                        new BooleanQuery.Clause(BooleanQuery.Op.LESS, new BooleanQuery.Word("old", false)))))),
                g.clauses());
    }

    @Test
    void stopwordsAndShortWordsAreDroppedButPrefixesKept() {
        BooleanQuery.Group g = BooleanQuery.parse("+the ab +ab* what");
        assertEquals(List.of(new BooleanQuery.Clause(BooleanQuery.Op.PLUS, new BooleanQuery.Word("ab", true))),
                g.clauses());
    }

    @Test
    void unbalancedQuotesAndParenthesesAreTolerated() {
        assertEquals(1, BooleanQuery.parse("\"open phrase").clauses().size());
        assertEquals(1, BooleanQuery.parse("word)").clauses().size());
        assertEquals(1, BooleanQuery.parse("(word").clauses().size());
    }
}
