package dev.scion.sql.plan;

import dev.scion.sql.result.ResultColumn;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;

/**
 * MySQL labels every column a star expands to with the column's own name, repeated names included: {@code SELECT
 * t1.*, t2.*} over a self-join shows {@code i, s, i, s}. Calcite's validator makes the names of an expanded select
 * list unique and gives the later columns aliases ({@code i0}, {@code s0}). Such an alias is told from a written one
 * by its position, which the validator copies from the column reference it names (a written alias has a position of
 * its own), and by its text: the column's name followed by digits.
 */
final class StarColumnLabels {
    private StarColumnLabels() {
    }

    /** {@code columns}, the result columns of the validated query, with the star columns' own names as labels. */
    static List<ResultColumn> apply(SqlNode validated, List<ResultColumn> columns) {
        SqlNode query = validated instanceof SqlOrderBy orderBy ? orderBy.query : validated;
        if (!(query instanceof SqlSelect select) || select.getSelectList() == null) {
            return columns;
        }
        SqlNodeList items = select.getSelectList();
        if (items.size() != columns.size()) {
            return columns;
        }
        List<ResultColumn> out = null;
        for (int i = 0; i < items.size(); i++) {
            String label = columnName(items.get(i));
            if (label != null && !label.equals(columns.get(i).name())) {
                if (out == null) {
                    out = new ArrayList<>(columns);
                }
                out.set(i, columns.get(i).withName(label));
            }
        }
        return out == null ? columns : out;
    }

    /** The column name behind a validator-made unique alias ({@code t2.i AS i0}), or null. */
    private static String columnName(SqlNode item) {
        if (item.getKind() != SqlKind.AS || !(item instanceof SqlCall as) || as.operandCount() != 2
                || !(as.operand(0) instanceof SqlIdentifier column) || column.isStar()
                || !(as.operand(1) instanceof SqlIdentifier alias) || !alias.isSimple()
                || !alias.getParserPosition().equals(column.getParserPosition())) {
            return null;
        }
        String name = column.names.get(column.names.size() - 1);
        String aliasName = alias.getSimple();
        if (aliasName.length() <= name.length() || !aliasName.startsWith(name)) {
            return null;
        }
        for (int i = name.length(); i < aliasName.length(); i++) {
            if (!Character.isDigit(aliasName.charAt(i))) {
                return null;
            }
        }
        return name;
    }
}
