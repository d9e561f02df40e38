package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.privilege.AccessChecks;
import dev.scion.sql.privilege.Privilege;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The planner's hook for Dolt's table functions ({@code FROM dolt_diff('a', 'b', 't')}). The parser reads such a
 * call as a collection table; this rewriter turns it into a reference to a table whose name carries the function
 * and its arguments ({@link TableFunctions#encode}), so the ordinary catalog lookup builds the function's table
 * with the session at hand. User variables are inlined to literals before this runs. A call with an
 * argument naming a column of an earlier table or a prepared statement's parameter becomes a
 * {@link DeferredTableFunction}, evaluated per run; other arguments must be literals, as in Dolt. An unaliased call
 * is aliased by its function name.
 */
public final class TableFunctionRewriter extends SqlShuttle {
    /** The functions whose arguments may be any expression over no column (Dolt evaluates them first). */
    private static final java.util.Set<String> EVALUATED_ARGUMENTS = java.util.Set.of("dolt_branch_status");

    private final Session session;

    private TableFunctionRewriter(Session session) {
        this.session = session;
    }

    /** Rewrites dolt_commit_diff_&lt;t&gt; references and table function calls of a query. */
    public static SqlNode rewrite(Session session, SqlNode node, String sql) {
        return node.accept(new CommitDiffRewriter(session, sql)).accept(new TableFunctionRewriter(session));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.AS && call.operandCount() >= 2 && isTableFunction(call.operand(0))) {
            List<SqlNode> operands = new ArrayList<>(call.getOperandList());
            operands.set(0, reference((SqlCall) call.operand(0)));
            for (int i = 1; i < operands.size(); i++) {
                operands.set(i, operands.get(i) == null ? null : operands.get(i).accept(this));
            }
            return new SqlBasicCall(call.getOperator(), operands, call.getParserPosition());
        }
        if (isTableFunction(call)) {
            String alias = functionCall(call).getOperator().getName().toLowerCase(Locale.ROOT);
            SqlParserPos pos = call.getParserPosition();
            return SqlStdOperatorTable.AS.createCall(pos, reference(call), new SqlIdentifier(alias, pos));
        }
        return super.visit(call);
    }

    /** Whether {@code node} is a FROM item calling one of Dolt's table functions. */
    public static boolean isTableFunction(SqlNode node) {
        return node instanceof SqlCall c && c.getKind() == SqlKind.COLLECTION_TABLE && c.operandCount() == 1
                && c.operand(0) instanceof SqlCall fn && TableFunctions.isName(fn.getOperator().getName());
    }

    private static SqlCall functionCall(SqlCall collectionTable) {
        return (SqlCall) collectionTable.operand(0);
    }

    private SqlNode reference(SqlCall collectionTable) {
        SqlCall fn = functionCall(collectionTable);
        String name = fn.getOperator().getName().toLowerCase(Locale.ROOT);
        if (fn.getOperandList().stream().anyMatch(TableFunctionRewriter::isDeferred)) {
            return deferred(name, fn, collectionTable.getParserPosition());
        }
        List<String> args = new ArrayList<>();
        for (SqlNode arg : fn.getOperandList()) {
            args.add(EVALUATED_ARGUMENTS.contains(name) && arg instanceof SqlCall && !namesColumn(arg)
                    ? evaluated(name, arg) : literal(name, arg));
        }
        return new SqlIdentifier(TableFunctions.encode(name, args), collectionTable.getParserPosition());
    }

    /**
     * A column of an earlier table or a prepared statement's parameter: its value is known only when the scan runs
     * (Dolt accepts both; function calls stay refused, as in Dolt).
     */
    private static boolean isDeferred(SqlNode arg) {
        return arg instanceof SqlIdentifier || arg instanceof SqlDynamicParam;
    }

    /**
     * A call whose deferred arguments are evaluated per run. Its columns come from the function built with each
     * deferred argument replaced by a stand-in, or from a fixed call where no argument decides them
     * ({@link TableFunctionColumns}); an argument that decides them must not be a column.
     */
    private SqlNode deferred(String name, SqlCall fn, SqlParserPos pos) {
        String database = session.currentDatabase();
        if (database == null) {
            throw new SqlError(ErrorCode.NO_DB_SELECTED, "No database selected");
        }
        DatabaseState db = session.findDatabase(database)
                .orElseThrow(() -> new SqlError(ErrorCode.NO_DB_SELECTED, "No database selected"));
        // checked before the stand-in call reads anything, as for a literal call (DatabaseSchema)
        AccessChecks.requireTable(session, Privilege.SELECT, db.databaseName(), name);
        List<SqlNode> args = fn.getOperandList();
        for (int position : TableFunctionColumns.decidingArguments(name, args.size())) {
            if (isDeferred(args.get(position))) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "the " + TableFunctionColumns.describe(name,
                        position) + " argument of table function " + name + " decides its columns, so it must be "
                        + "a literal or a variable, not " + args.get(position)
                        + (args.get(position) instanceof SqlIdentifier ? " (a column of an earlier table)" : ""));
            }
        }
        List<String> templateArgs = new ArrayList<>();
        SqlNode firstDeferred = null;
        for (SqlNode arg : args) {
            if (isDeferred(arg)) {
                firstDeferred = firstDeferred == null ? arg : firstDeferred;
                templateArgs.add(name.equals(JsonDiffFunction.NAME) ? "{}" : "HEAD");
            } else {
                templateArgs.add(literal(name, arg));
            }
        }
        // the literal arguments are checked above either way; a function with fixed columns is planned from a call
        // that needs no table, so a table argument from a column has no stand-in to fail on
        List<String> planned = TableFunctionColumns.fixedCall(name).orElse(templateArgs);
        SystemTable template;
        try {
            template = TableFunctions.find(TableFunctions.encode(name, planned), session, db).orElseThrow();
        } catch (SqlError e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "only literal values supported for table function "
                    + name + " arguments, not " + firstDeferred + " (" + e.getMessage() + ")");
        }
        return DeferredTableFunction.tableRef(pos, new DeferredTableFunction(name, database, template), args);
    }

    /** An expression argument's value as text (dolt_branch_status('main', dolt_hashof('b5'))). */
    private String evaluated(String function, SqlNode arg) {
        Object v = dev.scion.sql.dml.ExpressionEvaluator.evaluate(session, List.of(arg), arg.toString())[0];
        if (v == null) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "invalid argument to " + function + ": NULL");
        }
        return dev.scion.sql.expr.Values.toStringValue(v);
    }

    private static boolean namesColumn(SqlNode node) {
        if (node instanceof SqlIdentifier) {
            return true;
        }
        return node instanceof SqlCall c && c.getOperandList().stream().anyMatch(o -> o != null && namesColumn(o));
    }

    /** A literal argument as text; NULL, numbers and expressions are refused as Dolt refuses them. */
    private static String literal(String function, SqlNode arg) {
        if (!(arg instanceof SqlLiteral lit)) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "only literal values supported for table function " + function + " arguments, not " + arg);
        }
        if (lit.getTypeName() == SqlTypeName.NULL) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "invalid argument to " + function + ": NULL");
        }
        if (lit.getTypeName() != SqlTypeName.CHAR && lit.getTypeName() != SqlTypeName.VARCHAR) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "invalid argument to " + function + ": " + lit + " is not a string");
        }
        return lit.getValueAs(String.class);
    }
}
