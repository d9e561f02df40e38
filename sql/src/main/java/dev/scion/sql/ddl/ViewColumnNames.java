package dev.scion.sql.ddl;

import dev.scion.sql.plan.SelectLabeler;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Names a view's unaliased result expressions when it is created, as MySQL does: a view without a column list takes
 * each column's name from the text of its expression as written ({@code SELECT i + 1 FROM t} gives a column
 * {@code i + 1}), and keeps that name as an alias in the stored query, because the text is lost once the definition
 * is normalized. A name longer than MySQL's 64-character identifier limit becomes {@code Name_exp_N}, N the column's
 * position. Without this the view's columns were read back under the planner's internal names ({@code EXPR$0}).
 */
final class ViewColumnNames {
    /** MySQL's NAME_CHAR_LEN: the longest column name. */
    private static final int MAX_NAME = 64;

    private ViewColumnNames() {
    }

    /** Adds the aliases to {@code query} (as parsed from {@code sql}, the CREATE VIEW statement), in place. */
    static void name(SqlNode query, String sql) {
        SqlNodeList items = selectList(query);
        if (items == null) {
            return;
        }
        boolean[] unaliased = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            unaliased[i] = items.get(i).getKind() != SqlKind.AS;
        }
        SelectLabeler.label(query, sql);
        for (int i = 0; i < items.size(); i++) {
            if (unaliased[i] && items.get(i) instanceof SqlCall as && as.getKind() == SqlKind.AS
                    && ((SqlIdentifier) as.operand(1)).getSimple().length() > MAX_NAME) {
                as.setOperand(1, new SqlIdentifier("Name_exp_" + (i + 1), SqlParserPos.ZERO));
            }
        }
    }

    /** The select list that names the query's columns: its own, or its first branch's for a UNION. */
    private static SqlNodeList selectList(SqlNode query) {
        if (query instanceof SqlOrderBy ob) {
            return selectList(ob.query);
        }
        if (query instanceof SqlBasicCall call && call.getKind() == SqlKind.UNION) {
            return selectList(call.operand(0));
        }
        return query instanceof SqlSelect select ? select.getSelectList() : null;
    }
}
