package dev.scion.sql.expr.json.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.sql.expr.Values;
import dev.scion.sql.expr.json.JsonText;
import dev.scion.sql.result.RowStream;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;

/**
 * Produces the rows of a JSON_TABLE call: evaluates the document (under a Correlate, with the current row of the
 * tables before it bound) and expands it by {@link JsonTableRows}. A NULL document gives no rows.
 */
public final class JsonTableOp implements Operator {
    private static final Object[] NO_ROW = new Object[0];
    private final Expr doc;
    private final JsonTableRows rows;
    private final String text;

    private JsonTableOp(Expr doc, JsonTableRows rows, String text) {
        this.doc = doc;
        this.rows = rows;
        this.text = text;
    }

    /** The operator for a TableFunctionScan of JSON_TABLE, or null for any other table function. */
    public static Operator of(TableFunctionScan scan) {
        if (!(scan.getCall() instanceof RexCall call) || !(call.getOperator() instanceof JsonTableFunction f)) {
            return null;
        }
        if (!(call.getOperands().get(1) instanceof RexLiteral path)) {
            throw new SqlError(ErrorCode.INVALID_JSON_PATH, "JSON_TABLE's row path must be a string literal");
        }
        String rowPath = path.getValueAs(String.class);
        JsonTableRows rows = new JsonTableRows(rowPath, f.columns(),
                scan.getRowType().getFieldList().stream().map(RelDataTypeField::getType).toList());
        return new JsonTableOp(ExprCompiler.compile(call.getOperands().get(0)), rows, rowPath);
    }

    @Override
    public RowStream open(ExecContext ctx) {
        Object v = doc.eval(NO_ROW, ctx);
        if (v == null) {
            return RowStream.of(java.util.List.of());
        }
        JsonNode document;
        try {
            document = JsonText.parse(Values.toStringValue(v));
        } catch (JsonText.InvalidJson e) {
            throw new SqlError(ErrorCode.INVALID_JSON_TEXT_IN_PARAM, "Invalid JSON text in argument 1 to function "
                    + "JSON_TABLE: \"" + e.getMessage() + "\" at position " + e.position + ".");
        }
        return RowStream.of(rows.rows(document));
    }

    @Override
    public String explain() {
        return "JsonTable " + text;
    }
}
