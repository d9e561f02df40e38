package dev.scion.sql.ddl;

import dev.scion.sql.catalog.DefaultExpressions;
import dev.scion.sql.dml.ValueLiterals;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;

/**
 * An expression default must call only functions that exist: MySQL refuses {@code DEFAULT (nosuchfn(1))} when the
 * table is created (1305), not at the first INSERT. Each expression default is planned, with the columns it reads
 * standing in as NULL, and only that error is kept: anything else it might raise depends on the row's values.
 */
final class DefaultFunctions {
    private DefaultFunctions() {
    }

    static void check(Session session, TableSchema schema) {
        for (Column c : schema.columns()) {
            if (!DefaultExpressions.isParenthesized(c.defaultSql())) {
                continue;
            }
            SqlNode expr = StatementReader.expression(c.defaultSql()).accept(new SqlShuttle() {
                @Override
                public SqlNode visit(SqlIdentifier id) {
                    return schema.columnIndex(id.names.get(id.names.size() - 1)) >= 0 ? ValueLiterals.of(null) : id;
                }
            });
            SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null,
                    new SqlNodeList(List.of(expr), SqlParserPos.ZERO), null, null, null, null, null, null, null, null,
                    null);
            try {
                QueryPlanner.plan(session, select, c.defaultSql());
            } catch (SqlError e) {
                if (e.errorCode() == ErrorCode.FUNCTION_NOT_DEFINED) {
                    throw e;
                }
            }
        }
    }
}
