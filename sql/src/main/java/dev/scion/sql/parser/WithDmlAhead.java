package dev.scion.sql.parser;

import dev.scion.sql.parser.impl.MySqlParserImpl;
import dev.scion.sql.parser.impl.MySqlParserImplConstants;

/**
 * Whether the statement ahead is {@code WITH ... UPDATE} or {@code WITH ... DELETE}: after WITH, an UPDATE or DELETE
 * outside parentheses before any SELECT, VALUES or TABLE there. A scan of the tokens; a syntactic lookahead over
 * the WITH list misread table references in the common table expressions.
 */
public final class WithDmlAhead {
    private WithDmlAhead() {
    }

    /** Looks at {@code parser}'s tokens ahead (getToken(1) is the next). */
    public static boolean test(MySqlParserImpl parser) {
        if (parser.getToken(1).kind != MySqlParserImplConstants.WITH) {
            return false;
        }
        int depth = 0;
        for (int i = 2; ; i++) {
            int kind = parser.getToken(i).kind;
            if (kind == MySqlParserImplConstants.EOF || kind == MySqlParserImplConstants.SEMICOLON) {
                return false;
            } else if (kind == MySqlParserImplConstants.LPAREN) {
                depth++;
            } else if (kind == MySqlParserImplConstants.RPAREN) {
                depth--;
            } else if (depth == 0 && (kind == MySqlParserImplConstants.UPDATE
                    || kind == MySqlParserImplConstants.DELETE)) {
                return true;
            } else if (depth == 0 && (kind == MySqlParserImplConstants.SELECT
                    || kind == MySqlParserImplConstants.VALUES || kind == MySqlParserImplConstants.TABLE)) {
                return false;
            }
        }
    }
}
