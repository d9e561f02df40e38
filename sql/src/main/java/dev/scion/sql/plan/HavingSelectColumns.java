package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * MySQL resolves a bare name in a grouped query's HAVING (outside an aggregate's argument) to the select item of
 * that name before the FROM columns, so {@code SELECT a.id FROM a JOIN b ON a.id = b.id GROUP BY id HAVING id > 1}
 * reads {@code a.id}. Calcite leaves a HAVING name that GROUP BY also names to the FROM scope, where both tables
 * have {@code id}: 1052. Such a name is replaced, before validation, by the select item's column when that item is
 * a plain column reference under its own name ({@code a.id}, {@code a.id AS id}); the meaning is the same, only
 * the table is spelt out. Names two different select items have stay as written (Calcite's 1052, as in MySQL);
 * aliases of expressions are left to Calcite, which replaces them itself. Queries without GROUP BY are
 * {@link UngroupedHaving}'s.
 */
public final class HavingSelectColumns {
    private HavingSelectColumns() {
    }

    /** Rewrites the HAVING of every grouped SELECT of {@code query} in place; returns it. */
    public static SqlNode rewrite(SqlNode query) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select && select.getHaving() != null && select.getGroup() != null
                        && !select.getGroup().isEmpty()) {
                    select.setHaving(select.getHaving().accept(new Replacer(select)));
                }
                return super.visit(call);
            }
        });
        return query;
    }

    /** The one column reference among {@code select}'s items that goes by {@code name}, or null. */
    private static SqlIdentifier selectedColumn(SqlSelect select, String name) {
        SqlIdentifier found = null;
        for (SqlNode item : select.getSelectList()) {
            SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            String label = item.getKind() == SqlKind.AS
                    ? ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple()
                    : expression instanceof SqlIdentifier id && !id.isStar() ? last(id) : null;
            if (label == null || !label.equalsIgnoreCase(name)) {
                continue;
            }
            if (!(expression instanceof SqlIdentifier column) || column.isStar()
                    || !last(column).equalsIgnoreCase(name)
                    || (found != null && !found.equalsDeep(column, org.apache.calcite.util.Litmus.IGNORE))) {
                return null; // an expression's alias, or two different items of that name
            }
            found = column;
        }
        return found;
    }

    private static String last(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1);
    }

    private static final class Replacer extends SqlShuttle {
        private final SqlSelect select;

        Replacer(SqlSelect select) {
            this.select = select;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (!id.isSimple()) {
                return id;
            }
            SqlIdentifier column = selectedColumn(select, id.getSimple());
            // the HAVING name's position, so an error in it is still placed in the 'having clause'
            return column == null || column.isSimple() ? id : new SqlIdentifier(column.names, id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlCall call) {
            // an aggregate's argument is read from the rows; a sub-query resolves its own names
            if (call.getKind().belongsTo(SqlKind.QUERY) || AggregateCalls.isAggregateCall(call)) {
                return call;
            }
            return super.visit(call);
        }
    }
}
