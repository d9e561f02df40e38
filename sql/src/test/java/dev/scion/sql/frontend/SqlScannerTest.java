package dev.scion.sql.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlScannerTest {
    /** Upper-cases every bare word "x"; everything else stays as written. */
    private static String upperX(String sql) {
        return SqlScanner.rewriteWords(sql, (text, start, end, out) -> {
            if (!text.substring(start, end).equals("x")) {
                return -1;
            }
            out.append('X');
            return end;
        });
    }

    @Test
    void rewritesBareWordsOnly() {
        assertEquals("SELECT X, x1, ax, X+X FROM t", upperX("SELECT x, x1, ax, x+x FROM t"));
    }

    @Test
    void leavesQuotesAndCommentsAlone() {
        assertEquals("SELECT 'x', \"x\", `x`, 'it''s x' /* x */ , X -- x\n, X # x",
            upperX("SELECT 'x', \"x\", `x`, 'it''s x' /* x */ , x -- x\n, x # x"));
        assertEquals("SELECT 'a\\'x', X", upperX("SELECT 'a\\'x', x"));
    }

    @Test
    void aRewriteMaySwallowWhatFollowsTheWord() {
        String out = SqlScanner.rewriteWords("SET a = new . b + 1", (text, start, end, sb) -> {
            if (!text.substring(start, end).equals("new")) {
                return -1;
            }
            int dot = SqlScanner.skipSpace(text, end);
            int col = SqlScanner.skipSpace(text, dot + 1);
            sb.append("42");
            return col + 1;
        });
        assertEquals("SET a = 42 + 1", out);
    }

    @Test
    void bareUserIsQuotedButTheFunctionIsNot() {
        assertEquals("SELECT `User`, USER(), user (), 'user' FROM mysql.`user`",
            BareUserKeyword.quote("SELECT User, USER(), user (), 'user' FROM mysql.user"));
    }

    @Test
    void aCodeRewriteMayClaimAQuoteCharacter() {
        assertEquals("SELECT `a\"b`, 'x\"y' -- \"c\"\n", AnsiQuotes.toBackticks("SELECT \"a\"\"b\", 'x\"y' -- \"c\"\n"));
        assertEquals("SELECT \"a`b\", \"q\"\"\", '`'", AnsiQuotes.toDoubleQuotes("SELECT `a``b`, `q\"`, '`'"));
    }

    @Test
    void parametersAndVariablesInCommentsAndStringsStayAsWritten() {
        assertEquals("SELECT 1, '?' /* ? */, 'two'",
            ParameterBinder.bind("SELECT ?, '?' /* ? */, ?", new Object[] {1, "two"}));
        assertEquals("SELECT `@x`, `@@session.y`, '@z' -- @w\n",
            dev.scion.sql.plan.VariableRewriter.rewrite("SELECT @x, @@session.y, '@z' -- @w\n"));
    }

    @Test
    void aBackslashEscapesInStringsButNotInQuotedNames() {
        String sql = "'a\\'b' x";
        assertEquals(6, SqlScanner.skipQuoted(sql, 0));
        String name = "`a\\` x";
        assertEquals(4, SqlScanner.skipQuoted(name, 0));
        String ansi = "\"a\\\" x";
        assertEquals(4, SqlScanner.skipQuotedName(ansi, 0));
        assertEquals(6, SqlScanner.skipQuoted("`a``b` x", 0));
    }
}
