package dev.scion.sql.ddl;

import dev.scion.sql.plan.StatementParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A token stream over DDL text: words, quoted identifiers, strings, numbers and punctuation. */
final class DdlTokens {
    record Token(String text, boolean quotedIdentifier, boolean string, int offset) {
        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    DdlTokens(String sql) {
        this.sql = sql;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '`') {
                int j = i + 1;
                StringBuilder sb = new StringBuilder();
                while (j < n) {
                    if (sql.charAt(j) == '`') {
                        if (j + 1 < n && sql.charAt(j + 1) == '`') {
                            sb.append('`');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(sql.charAt(j++));
                }
                tokens.add(new Token(sb.toString(), true, false, i));
                i = j + 1;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                tokens.add(new Token(sql.substring(i, Math.min(n, j + 1)), false, true, i));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '-' && i + 1 < n
                    && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '$' || sql.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(sql.substring(i, j), false, false, i));
                i = j;
            } else {
                tokens.add(new Token(String.valueOf(c), false, false, i));
                i++;
            }
        }
    }

    boolean atEnd() {
        return pos >= tokens.size() || (pos == tokens.size() - 1 && tokens.get(pos).text().equals(";"));
    }

    Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : new Token("", false, false, sql.length());
    }

    Token next() {
        Token t = peek();
        pos++;
        return t;
    }

    boolean accept(String... words) {
        int save = pos;
        for (String w : words) {
            Token t = peek();
            if (t.quotedIdentifier() || t.string() || !t.upper().equals(w)) {
                pos = save;
                return false;
            }
            pos++;
        }
        return true;
    }

    void expect(String word) {
        if (!accept(word)) {
            throw error();
        }
    }

    RuntimeException error() {
        return StatementParser.syntaxError(sql, new org.apache.calcite.sql.parser.SqlParserPos(1,
                peek().offset() + 1));
    }

    String identifier() {
        Token t = next();
        if (t.string() || t.text().isEmpty() || (!t.quotedIdentifier() && !Character.isLetterOrDigit(t.text().charAt(0))
                && t.text().charAt(0) != '_' && t.text().charAt(0) != '$')) {
            pos--;
            throw error();
        }
        return t.text();
    }

    /** The raw text from the current token up to (not including) the token where {@code stop} says to end. */
    String rawUntilTopLevel(java.util.function.Predicate<Token> stop) {
        int depth = 0;
        int start = peek().offset();
        int end = start;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && stop.test(t)) {
                break;
            }
            if (t.text().equals("(") && !t.string() && !t.quotedIdentifier()) {
                depth++;
            } else if (t.text().equals(")") && !t.string() && !t.quotedIdentifier()) {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            next();
            end = t.offset() + (t.quotedIdentifier() ? t.text().length() + 2 : t.text().length());
        }
        return sql.substring(start, Math.min(end, sql.length())).strip();
    }
}
