package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * A copy of an expression that shares no node with the original. A rewrite that writes one expression in two places
 * needs it: Calcite's validator keys its scopes by node and rewrites identifiers in place, so no node may appear
 * twice. ({@code SqlNode.clone} copies only the top call.)
 */
public final class SqlDeepCopy extends SqlShuttle {
    private static final SqlDeepCopy INSTANCE = new SqlDeepCopy();

    private SqlDeepCopy() {
    }

    public static SqlNode of(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        return id.clone(id.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        return literal.clone(literal.getParserPosition());
    }
}
