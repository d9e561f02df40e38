package dev.scion.versioning.fulltext;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FullTextTokenizerTest {
    @Test
    void wordsAreFoldedAndShortWordsAndStopwordsDropped() {
        assertEquals(List.of("hhhh", "aaaab", "ooooo", "aaaa"), FullTextTokenizer.words("g hhhh aaaab ooooo AAAA"));
        assertEquals(List.of("quick", "fox"), FullTextTokenizer.words("The quick, fox; is it?"));
    }

    @Test
    void underscoresDigitsAndInnerApostrophesBelongToWords() {
        assertEquals(List.of("snake_case", "1001", "don't"), FullTextTokenizer.words("snake_case 1001 'don't'"));
    }

    @Test
    void nonAsciiLettersAreWordCharacters() {
        assertEquals(List.of("über", "café"), FullTextTokenizer.words("Über-Café"));
    }

    @Test
    void wordCountsSpanColumnsAndSkipNulls() {
        Map<String, Integer> counts = FullTextTokenizer.wordCounts(new Object[] {"mno abc", null, "MNO"});
        assertEquals(Map.of("mno", 2, "abc", 1), counts);
    }

    @Test
    void tokensLongerThanTheMaximumAreNotIndexed() {
        assertEquals(List.of(), FullTextTokenizer.words("x".repeat(FullTextTokenizer.MAX_TOKEN_SIZE + 1)));
        assertEquals(1, FullTextTokenizer.words("y".repeat(FullTextTokenizer.MAX_TOKEN_SIZE)).size());
    }
}
