package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a VALUES table constructor used as a derived table without a column list are named column_0,
 * column_1, ... in MySQL ({@code SELECT column_0 FROM (VALUES ROW(1, 2)) AS v}); Calcite names them EXPR$0, ....
 * Such a derived table is given that column list.
 */
final class ValuesColumnNames {
    private ValuesColumnNames() {
    }

    /** {@code as} with MySQL's column names added when it aliases a VALUES without a column list, else null. */
    static SqlCall named(SqlCall as, SqlNode values) {
        if (as.getKind() != SqlKind.AS || as.operandCount() != 2 || values == null
                || values.getKind() != SqlKind.VALUES
                || ((SqlCall) values).operandCount() == 0
                || !(((SqlCall) values).operand(0) instanceof SqlCall row) || row.getKind() != SqlKind.ROW) {
            return null;
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(values);
        operands.add(as.operand(1));
        for (int i = 0; i < row.operandCount(); i++) {
            operands.add(new SqlIdentifier("column_" + i, SqlParserPos.ZERO));
        }
        return SqlStdOperatorTable.AS.createCall(as.getParserPosition(), operands);
    }
}
