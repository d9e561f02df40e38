package dev.scion.sql.plan;

import dev.scion.sql.catalog.Charsets;
import dev.scion.sql.catalog.Collations;
import dev.scion.sql.parser.CharsetIntroducers;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * String literals take the session's {@code collation_connection}, as in MySQL: after
 * {@code SET collation_connection = 'utf8mb4_0900_ai_ci'}, {@code 'abc' LIKE 'ABC'} is 1. A literal stays coercible,
 * so a column's collation still wins over it. Under the default collation (utf8mb4_0900_bin, what an unmarked literal
 * already compares by) nothing is rewritten, so those statements keep their plan-cache keys; the cache scope names
 * any other collation ({@link #cacheScope}), so a plan made under one connection collation is not found under another.
 */
final class ConnectionCollation extends SqlShuttle {
    private final String collation;

    private ConnectionCollation(String collation) {
        this.collation = collation;
    }

    /** {@code query} with its unmarked string literals in the session's connection collation. */
    static SqlNode rewrite(Session session, SqlNode query) {
        String c = of(session);
        return c == null ? query : query.accept(new ConnectionCollation(c));
    }

    /** The plan cache's scope: the current database, and the connection collation when it is not the default. */
    static String cacheScope(Session session) {
        String db = session.currentDatabase();
        String c = of(session);
        return c == null ? db : (db == null ? "" : db) + '\u0000' + c;
    }

    /** The session's connection collation, or null for the default. */
    private static String of(Session session) {
        Object v = session.variable("collation_connection");
        if (v == null) {
            return null;
        }
        String name = Collations.require(String.valueOf(v)).name();
        return name.equals(Charsets.DEFAULT_COLLATION) ? null : name;
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof SqlCharStringLiteral s && s.getCollation() == null
                && s.getNlsString().getCharsetName() == null) {
            return CharsetIntroducers.collated(s.getValueAs(String.class), collation, s.getParserPosition());
        }
        return literal;
    }
}
