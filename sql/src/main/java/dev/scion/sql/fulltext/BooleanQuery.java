package dev.scion.sql.fulltext;

import dev.scion.versioning.fulltext.FullTextTokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A search string IN BOOLEAN MODE, parsed: terms (words, {@code word*} prefixes, {@code "phrases"} and
 * parenthesised groups), each with at most one operator: {@code +} must be present, {@code -} must be absent,
 * {@code >} / {@code <} raise / lower the word's contribution, {@code ~} makes it count against the row. Words
 * too short or on the stopword list are dropped, as InnoDB drops them (a prefix search keeps them).
 */
final class BooleanQuery {
    enum Op { NONE, PLUS, MINUS, MORE, LESS, TILDE }

    sealed interface Term permits Word, Phrase, Group {
    }

    /** A word, or with {@code prefix} every word starting with it. */
    record Word(String text, boolean prefix) implements Term {
    }

    record Phrase(List<String> words) implements Term {
    }

    record Group(List<Clause> clauses) implements Term {
    }

    record Clause(Op op, Term term) {
    }

    private final String text;
    private int pos;

    private BooleanQuery(String text) {
        this.text = text;
    }

    static Group parse(String search) {
        BooleanQuery p = new BooleanQuery(search);
        return p.group(false);
    }

    private Group group(boolean nested) {
        List<Clause> clauses = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ')') {
                pos++;
                if (nested) {
                    break;
                }
                continue;
            }
            Op op = Op.NONE;
            while (pos < text.length() && "+-<>~".indexOf(text.charAt(pos)) >= 0) {
                op = switch (text.charAt(pos)) {
                    case '+' -> Op.PLUS;
                    case '-' -> Op.MINUS;
                    case '>' -> Op.MORE;
                    case '<' -> Op.LESS;
                    default -> Op.TILDE;
                };
                pos++;
            }
            if (pos >= text.length()) {
                break;
            }
            c = text.charAt(pos);
            Term term = null;
            if (c == '(') {
                pos++;
                term = group(true);
            } else if (c == '"') {
                int end = text.indexOf('"', pos + 1);
                String body = end < 0 ? text.substring(pos + 1) : text.substring(pos + 1, end);
                pos = end < 0 ? text.length() : end + 1;
                term = new Phrase(FullTextTokenizer.words(body));
            } else if (FullTextTokenizer.isWordChar(text.codePointAt(pos))) {
                int start = pos;
                while (pos < text.length() && (FullTextTokenizer.isWordChar(text.codePointAt(pos))
                        || text.charAt(pos) == '\'' && pos + 1 < text.length()
                        && FullTextTokenizer.isWordChar(text.codePointAt(pos + 1)))) {
                    pos += Character.charCount(text.codePointAt(pos));
                }
                String w = FullTextTokenizer.normalize(text.substring(start, pos));
                boolean prefix = pos < text.length() && text.charAt(pos) == '*';
                if (prefix) {
                    pos++;
                }
                if (prefix || FullTextTokenizer.indexable(w)) {
                    term = new Word(w, prefix);
                }
            } else {
                pos += Character.charCount(text.codePointAt(pos)); // a separator
                continue;
            }
            if (term != null && !(term instanceof Phrase ph && ph.words().isEmpty())) {
                clauses.add(new Clause(op, term));
            }
        }
        return new Group(clauses);
    }

    /** A row's score for a term: whether it matches, and its contribution. */
    record Score(boolean matched, double value) {
        static final Score NONE = new Score(false, 0);
    }

    /** Scores {@code doc} against a group: null when a + term is missing or a - term present. */
    static Score evaluate(Group g, Document doc, CorpusStatistics stats) {
        boolean required = false;
        boolean optional = false;
        double sum = 0;
        for (Clause c : g.clauses()) {
            Score s = evaluate(c.term(), doc, stats);
            switch (c.op()) {
                case PLUS -> {
                    if (!s.matched()) {
                        return null;
                    }
                    required = true;
                    sum += s.value();
                }
                case MINUS -> {
                    if (s.matched()) {
                        return null;
                    }
                }
                case MORE -> sum += s.value() * 1.5;
                case LESS -> sum += s.value() / 1.5;
                case TILDE -> sum -= s.value() / 2;
                default -> sum += s.value();
            }
            optional |= s.matched() && c.op() != Op.MINUS;
        }
        boolean anyRequired = g.clauses().stream().anyMatch(c -> c.op() == Op.PLUS);
        return new Score(anyRequired ? required : optional, sum);
    }

    private static Score evaluate(Term t, Document doc, CorpusStatistics stats) {
        if (t instanceof Group g) {
            Score s = evaluate(g, doc, stats);
            return s == null ? Score.NONE : s;
        }
        if (t instanceof Phrase p) {
            if (!doc.containsPhrase(p.words())) {
                return Score.NONE;
            }
            double sum = 0;
            for (String w : p.words()) {
                sum += wordScore(w, doc, stats);
            }
            return new Score(true, sum);
        }
        Word w = (Word) t;
        if (!w.prefix()) {
            double s = wordScore(w.text(), doc, stats);
            return doc.count(w.text()) > 0 ? new Score(true, s) : Score.NONE;
        }
        boolean found = false;
        double sum = 0;
        for (String word : doc.counts.keySet()) {
            if (word.startsWith(w.text())) {
                found = true;
                sum += wordScore(word, doc, stats);
            }
        }
        return found ? new Score(true, sum) : Score.NONE;
    }

    private static double wordScore(String word, Document doc, CorpusStatistics stats) {
        return Relevance.word(doc.count(word), doc.distinctWords(), stats.rows(), stats.rowsWith(word));
    }
}
