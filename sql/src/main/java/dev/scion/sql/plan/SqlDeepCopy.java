package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;

/**
 * A copy of an expression that shares no node with the original. A rewrite that writes one expression in two places
 * needs it: Calcite's validator keys its scopes by node and rewrites identifiers in place, so no node may appear
 * twice; and a caller that validates a copy and may still plan the original needs the original untouched. Every
 * call, list, identifier and literal is new ({@code SqlNode.clone} copies only the top call, and Calcite's own
 * shuttle copies a call only when one of its operands changed).
 */
public final class SqlDeepCopy extends SqlShuttle {
    private static final SqlDeepCopy INSTANCE = new SqlDeepCopy();

    private SqlDeepCopy() {
    }

    public static SqlNode of(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        CallCopyingArgHandler handler = new CallCopyingArgHandler(call, true);
        call.getOperator().acceptCall(this, call, false, handler);
        return handler.result();
    }

    @Override
    public SqlNode visit(SqlNodeList list) {
        List<SqlNode> items = new ArrayList<>(list.size());
        for (SqlNode item : list) {
            items.add(item == null ? null : item.accept(this));
        }
        return new SqlNodeList(items, list.getParserPosition());
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
