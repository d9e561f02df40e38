package dev.scion.sql.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts SQL text into words, quoted sections and single punctuation characters, skipping white space and comments,
 * for the hand-written readers of text Calcite does not parse (routine bodies, event definitions). Keywords inside
 * strings or expressions thus never look like structure, and each token keeps its place in the text.
 */
public final class SqlTokens {
    /** The kind of a word token; a quoted section's kind is its quote character, punctuation's the character. */
    public static final char WORD = 'w';

    /**
     * One token: {@code text.substring(start, end)}; {@code upper} is a word's upper-case text (null otherwise);
     * {@code depth} the parentheses open before it (a closing one counts as outside itself).
     */
    public record Token(int start, int end, char kind, String upper, int depth) {
    }

    private SqlTokens() {
    }

    /**
     * The tokens of {@code text}. With {@code variablesAreWords}, {@code @} is a word character and a word that
     * starts with it may hold dots: {@code @name} and {@code @@scope.name} are one word each (a routine body reads
     * user and system variables as words).
     */
    public static List<Token> of(String text, boolean variablesAreWords) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int depth = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int afterComment = SqlScanner.skipComment(text, i);
            if (afterComment >= 0) {
                i = afterComment;
                continue;
            }
            boolean variable = variablesAreWords && c == '@';
            if (SqlScanner.isQuote(c)) {
                int end = SqlScanner.skipQuoted(text, i);
                tokens.add(new Token(i, end, c, null, depth));
                i = end;
            } else if (SqlScanner.isIdentifierChar(c) || variable) {
                int end = i + 1;
                while (end < n && (SqlScanner.isIdentifierChar(text.charAt(end))
                        || variablesAreWords && text.charAt(end) == '@' || variable && text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(i, end, WORD, text.substring(i, end).toUpperCase(Locale.ROOT), depth));
                i = end;
            } else {
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                tokens.add(new Token(i, i + 1, c, null, depth));
                if (c == '(') {
                    depth++;
                }
                i++;
            }
        }
        return tokens;
    }
}
