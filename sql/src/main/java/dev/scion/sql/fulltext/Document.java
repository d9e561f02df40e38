package dev.scion.sql.fulltext;

import dev.scion.versioning.fulltext.FullTextTokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The indexed columns of one row as the search sees them: each word's count, and each column's word sequence. */
final class Document {
    final Map<String, Integer> counts;
    private final Object[] values;
    private List<List<String>> sequences;

    Document(Object[] values) {
        this.values = values;
        this.counts = FullTextTokenizer.wordCounts(values);
    }

    int distinctWords() {
        return counts.size();
    }

    int count(String word) {
        return counts.getOrDefault(word, 0);
    }

    /** Whether {@code phrase} (normalized words) occurs as consecutive words of one column. */
    boolean containsPhrase(List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        if (sequences == null) {
            sequences = new ArrayList<>();
            for (Object v : values) {
                if (v != null) {
                    sequences.add(FullTextTokenizer.words(v instanceof byte[] b
                            ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString()));
                }
            }
        }
        for (List<String> seq : sequences) {
            for (int i = 0; i + phrase.size() <= seq.size(); i++) {
                if (seq.subList(i, i + phrase.size()).equals(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }
}
