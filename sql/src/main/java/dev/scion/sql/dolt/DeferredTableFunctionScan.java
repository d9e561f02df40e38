package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link DeferredTableFunction}: evaluates its arguments (under a Correlate, with the outer row bound; a
 * prepared statement's parameters with their values) each time it is opened, builds the function's table from
 * them as a literal call would, and streams its rows. The privilege check is made again with the database the
 * values are read from.
 */
public final class DeferredTableFunctionScan implements Operator {
    private static final Object[] NO_ROW = new Object[0];
    private final DeferredTableFunction function;
    private final List<Expr> args;
    private final List<String> columns;
    private final RelDataTypeFactory typeFactory;

    private DeferredTableFunctionScan(DeferredTableFunction function, List<Expr> args, List<String> columns,
                                      RelDataTypeFactory typeFactory) {
        this.function = function;
        this.args = args;
        this.columns = columns;
        this.typeFactory = typeFactory;
    }

    /** The operator for a TableFunctionScan of a deferred Dolt table function, or null for any other. */
    public static Operator of(TableFunctionScan scan) {
        if (!(scan.getCall() instanceof RexCall call) || !(call.getOperator() instanceof DeferredTableFunction f)) {
            return null;
        }
        List<Expr> args = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            args.add(ExprCompiler.compile(operand));
        }
        return new DeferredTableFunctionScan(f, args, scan.getRowType().getFieldNames(),
                scan.getCluster().getTypeFactory());
    }

    @Override
    public RowStream open(ExecContext ctx) {
        Session session = ctx.session();
        List<String> values = new ArrayList<>(args.size());
        for (Expr arg : args) {
            Object v = arg.eval(NO_ROW, ctx);
            if (v == null) {
                throw DeferredTableFunction.nullArgument(function.function());
            }
            values.add(Values.toStringValue(v));
        }
        DatabaseState db = session.findDatabase(function.database()).orElseThrow(() -> new SqlError(
                ErrorCode.NO_DB_SELECTED, "No database selected"));
        dev.scion.sql.privilege.AccessChecks.requireTable(session, dev.scion.sql.privilege.Privilege.SELECT,
                db.databaseName(), function.function());
        SystemTable table = TableFunctions.find(TableFunctions.encode(function.function(), values), session, db)
                .orElseThrow();
        if (!table.rowType(typeFactory).getFieldNames().equals(columns)) {
            // the planned columns came from stand-in arguments; these values give the function other columns
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "the columns of table function " + function.function()
                    + " depend on its arguments " + values + "; pass them as literals");
        }
        return table.scan(session, db);
    }

    @Override
    public String explain() {
        return "TableFunction " + function.function() + " (arguments per row)";
    }
}
