package dev.scion.versioning.fulltext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL's built-in full-text parser as InnoDB configures it by default: a word is a run of letters, digits and
 * underscores (an apostrophe between two such characters stays inside the word, as in {@code don't}); words
 * shorter than innodb_ft_min_token_size (3) or longer than innodb_ft_max_token_size (84) characters and the
 * words of INNODB_FT_DEFAULT_STOPWORD are not indexed. Words are folded to lower case, so matching is
 * case-insensitive. The index maintenance (versioning) and the query side (sql) share this class so that a word
 * found in a row is spelled exactly as the index stores it.
 */
public final class FullTextTokenizer {
    public static final int MIN_TOKEN_SIZE = 3;
    public static final int MAX_TOKEN_SIZE = 84;

    /** InnoDB's default stopword list (information_schema.INNODB_FT_DEFAULT_STOPWORD). */
    public static final Set<String> STOPWORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com",
            "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this",
            "to", "was", "what", "when", "where", "who", "will", "with", "und", "www");

    private FullTextTokenizer() {
    }

    /** Whether {@code c} belongs to a word. */
    public static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Every indexable word of {@code text} in order (repeats kept), folded to lower case. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < n) {
                int c = text.codePointAt(i);
                if (isWordChar(c)) {
                    i += Character.charCount(c);
                } else if (c == '\'' && i > start && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (i > start) {
                String w = normalize(text.substring(start, i));
                if (indexable(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** The word as the index stores it. */
    public static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** Whether a normalized word is long enough, short enough and not a stopword. */
    public static boolean indexable(String word) {
        int len = word.codePointCount(0, word.length());
        return len >= MIN_TOKEN_SIZE && len <= MAX_TOKEN_SIZE && !STOPWORDS.contains(word);
    }

    /** Each distinct word of the values (strings; nulls and other values skipped) with its number of occurrences. */
    public static Map<String, Integer> wordCounts(Object[] values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object v : values) {
            if (v == null) {
                continue;
            }
            for (String w : words(v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                    : v.toString())) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }
}
