package dev.scion.sql.privilege;

import dev.scion.sql.error.SqlError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of an account-management statement: words, quoted names ('..', "..", `..`), and the punctuation
 * {@code @ , . * ( ) =}. A small reader with the look-ahead these statements need.
 */
final class Tokens {
    record Token(String text, boolean quoted) {
        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    private final List<Token> tokens;
    private int pos;

    Tokens(String sql) {
        this.tokens = scan(sql);
    }

    private static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= s.length()) {
                        throw SqlError.parse(s.substring(i), 1);
                    }
                    char d = s.charAt(j);
                    if (d == c) {
                        if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                            sb.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (d == '\\' && c != '`' && j + 1 < s.length()) {
                        char e = s.charAt(++j);
                        sb.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case '0' -> '\0';
                            default -> e;
                        });
                        j++;
                        continue;
                    }
                    sb.append(d);
                    j++;
                }
                out.add(new Token(sb.toString(), true));
                i = j + 1;
            } else if ("@,.*()=".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), false));
                i++;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "@,.*()=;'\"`".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(new Token(s.substring(i, j), false));
                i = j;
            }
        }
        return out;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peek() {
        return atEnd() ? null : tokens.get(pos);
    }

    boolean peekIs(String word) {
        return !atEnd() && tokens.get(pos).is(word);
    }

    /** Consumes the words if they come next, all of them. */
    boolean accept(String... words) {
        if (pos + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(pos + k).is(words[k])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    void expect(String... words) {
        if (!accept(words)) {
            throw error();
        }
    }

    Token next() {
        if (atEnd()) {
            throw error();
        }
        return tokens.get(pos++);
    }

    /** A name or string (quoted or a bare word that is not punctuation). */
    String name() {
        Token t = next();
        if (!t.quoted() && t.text().length() == 1 && "@,.*()=".contains(t.text())) {
            pos--;
            throw error();
        }
        return t.text();
    }

    /** A quoted string literal. */
    String string() {
        Token t = next();
        if (!t.quoted()) {
            pos--;
            throw error();
        }
        return t.text();
    }

    void expectEnd() {
        if (!atEnd()) {
            throw error();
        }
    }

    /** MySQL's 1064 pointing at the current token. */
    SqlError error() {
        if (atEnd()) {
            return SqlError.parse("", 1);
        }
        String rest = tokens.subList(pos, tokens.size()).stream().map(Token::text)
                .reduce((a, b) -> a + " " + b).orElse("");
        return SqlError.parse(rest.length() > 80 ? rest.substring(0, 80) : rest, 1);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
