package dev.scion.sql.event;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.frontend.SqlTokens;
import dev.scion.sql.parser.StatementReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads CREATE EVENT and ALTER EVENT into their clauses. The times and the interval quantity stay expression
 * text (they are evaluated by the statement, with the session's clock); the body after DO is kept verbatim. A
 * hand-written reader rather than the Calcite grammar because the body is a routine body, as for triggers.
 */
final class EventParser {

    /** What the statement wrote; null for every clause it left out. */
    record Clauses(boolean create, String database, String name, String definer, boolean ifNotExists,
                   String atExpr, String everyExpr, EventInterval.Unit everyUnit, String startsExpr, String endsExpr,
                   Boolean preserve, EventDefinition.Status status, String comment, String body,
                   String renameDatabase, String renameTo) {
        boolean hasSchedule() {
            return atExpr != null || everyExpr != null;
        }
    }

    private static final Set<String> CLAUSE_WORDS = Set.of("STARTS", "ENDS", "ON", "ENABLE", "DISABLE", "COMMENT",
            "DO", "RENAME");

    private record Token(int start, int end, char kind, String upper, int depth) {
        boolean is(String word) {
            return kind == 'w' && depth == 0 && upper.equals(word);
        }
    }

    private static final java.util.regex.Pattern CREATE_OR_ALTER =
            java.util.regex.Pattern.compile("(?is)(CREATE|ALTER)\\s+(?:DEFINER\\s*=\\s*.+?\\s+)?EVENT\\s.*");

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private EventParser(String text) {
        this.text = text;
        tokenize();
    }

    /** Whether the text is a CREATE or ALTER EVENT statement (the front end owns those). */
    static boolean isCreateOrAlter(String text) {
        return CREATE_OR_ALTER.matcher(text).matches();
    }

    static Clauses parse(String text) {
        return new EventParser(text).statement();
    }

    private Clauses statement() {
        boolean create;
        if (accept("CREATE")) {
            create = true;
        } else if (accept("ALTER")) {
            create = false;
        } else {
            throw syntax();
        }
        String definer = null;
        if (accept("DEFINER")) {
            expect("=");
            int from = pos;
            while (pos < tokens.size() && !peek().is("EVENT")) {
                pos++;
            }
            if (pos == from || pos >= tokens.size()) {
                throw syntax();
            }
            definer = text.substring(tokens.get(from).start, tokens.get(pos - 1).end);
        }
        expect("EVENT");
        boolean ifNotExists = false;
        if (create && accept("IF")) {
            expect("NOT");
            expect("EXISTS");
            ifNotExists = true;
        }
        String[] name = qualifiedName();
        String atExpr = null;
        String everyExpr = null;
        EventInterval.Unit unit = null;
        String startsExpr = null;
        String endsExpr = null;
        Boolean preserve = null;
        EventDefinition.Status status = null;
        String comment = null;
        String body = null;
        String[] rename = null;
        while (pos < tokens.size()) {
            if (peek().kind == ';') {
                pos++;
            } else if (accept("ON")) {
                if (accept("SCHEDULE")) {
                    if (atExpr != null || everyExpr != null) {
                        throw syntax();
                    }
                    if (accept("AT")) {
                        atExpr = expression(false);
                    } else if (accept("EVERY")) {
                        int from = pos;
                        String quantityAndUnit = expression(false);
                        Token last = tokens.get(pos - 1);
                        unit = last.kind == 'w' ? EventInterval.Unit.of(last.upper) : null;
                        if (unit == null || pos - 1 == from) {
                            throw syntaxAt(last);
                        }
                        everyExpr = text.substring(tokens.get(from).start, last.start).strip();
                        if (quantityAndUnit.isEmpty()) {
                            throw syntax();
                        }
                        if (accept("STARTS")) {
                            startsExpr = expression(false);
                        }
                        if (accept("ENDS")) {
                            endsExpr = expression(false);
                        }
                    } else {
                        throw syntax();
                    }
                } else {
                    expect("COMPLETION");
                    preserve = !accept("NOT");
                    expect("PRESERVE");
                }
            } else if (accept("ENABLE")) {
                status = EventDefinition.Status.ENABLED;
            } else if (accept("DISABLE")) {
                status = EventDefinition.Status.DISABLED;
                if (accept("ON")) {
                    if (!accept("SLAVE") && !accept("REPLICA")) {
                        throw syntax();
                    }
                    status = EventDefinition.Status.SLAVESIDE_DISABLED;
                }
            } else if (accept("COMMENT")) {
                Token t = next();
                if (t.kind != '\'' && t.kind != '"') {
                    throw syntaxAt(t);
                }
                comment = Identifiers.unquoteString(text.substring(t.start, t.end));
            } else if (!create && accept("RENAME")) {
                expect("TO");
                rename = qualifiedName();
            } else if (accept("DO")) {
                if (pos >= tokens.size()) {
                    throw syntax();
                }
                body = stripSemicolon(text.substring(tokens.get(pos).start));
                pos = tokens.size();
            } else {
                throw syntax();
            }
        }
        if (create && (atExpr == null && everyExpr == null || body == null)) {
            throw syntax();
        }
        return new Clauses(create, name[0], name[1], definer, ifNotExists, atExpr, everyExpr, unit, startsExpr,
                endsExpr, preserve, status, comment, body, rename == null ? null : rename[0],
                rename == null ? null : rename[1]);
    }

    private static String stripSemicolon(String body) {
        String b = body.strip();
        while (b.endsWith(";")) {
            b = b.substring(0, b.length() - 1).strip();
        }
        return b;
    }

    /** Source text up to the next top-level clause word; {@code pos} ends on that word. */
    private String expression(boolean allowEmpty) {
        int from = pos;
        while (pos < tokens.size() && !(peek().kind == 'w' && peek().depth == 0 && CLAUSE_WORDS.contains(peek().upper))
                && peek().kind != ';') {
            pos++;
        }
        if (pos == from) {
            if (allowEmpty) {
                return "";
            }
            throw syntax();
        }
        return text.substring(tokens.get(from).start, tokens.get(pos - 1).end).strip();
    }

    private String[] qualifiedName() {
        String first = identifier();
        if (pos < tokens.size() && peek().kind == '.') {
            pos++;
            return new String[] {first, identifier()};
        }
        return new String[] {null, first};
    }

    private String identifier() {
        Token t = next();
        if (t.kind == '`') {
            return Identifiers.unquote(text.substring(t.start, t.end));
        }
        if (t.kind != 'w') {
            throw syntaxAt(t);
        }
        return text.substring(t.start, t.end);
    }

    private boolean accept(String word) {
        if (pos < tokens.size() && (peek().is(word) || word.length() == 1 && peek().kind == word.charAt(0))) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw syntax();
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        if (pos >= tokens.size()) {
            throw syntax();
        }
        return tokens.get(pos++);
    }

    private RuntimeException syntax() {
        return pos < tokens.size() ? syntaxAt(tokens.get(pos)) : StatementReader.syntaxError(text, null);
    }

    private RuntimeException syntaxAt(Token t) {
        return dev.scion.sql.error.SqlError.parse(text.substring(t.start, Math.min(text.length(), t.start + 80)), 1);
    }

    private void tokenize() {
        for (SqlTokens.Token t : SqlTokens.of(text, false)) {
            tokens.add(new Token(t.start(), t.end(), t.kind(), t.upper(), t.depth()));
        }
    }
}
