package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * MySQL names an unaliased result column after the text of its expression ({@code COUNT(*)},
 * {@code @@version_comment}); Calcite would say EXPR$0. This gives such items an alias from the source text.
 */
public final class SelectLabeler {
    private SelectLabeler() {
    }

    public static void label(SqlNode node, String sql) {
        if (node instanceof SqlOrderBy ob) {
            label(ob.query, sql);
            return;
        }
        if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.UNION)) {
            label(call.operand(0), sql);
            return;
        }
        if (!(node instanceof SqlSelect select)) {
            return;
        }
        SqlNodeList items = select.getSelectList();
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item.getKind() == SqlKind.AS) {
                continue;
            }
            if (item instanceof SqlIdentifier id && !id.names.get(id.names.size() - 1).startsWith("@")) {
                continue;
            }
            String named = dev.scion.sql.expr.NameConst.label(item);
            if (named != null) {
                items.set(i, SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, item,
                        new SqlIdentifier(named, SqlParserPos.ZERO)));
                continue;
            }
            String text = SourceText.slice(sql, item.getParserPosition());
            if (text == null || text.isBlank()) {
                continue;
            }
            String label = VariableRewriter.unrewrite(text.strip());
            if (label.length() > 256) {
                label = label.substring(0, 256);
            }
            items.set(i, SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, item,
                    new SqlIdentifier(label, SqlParserPos.ZERO)));
        }
    }
}
