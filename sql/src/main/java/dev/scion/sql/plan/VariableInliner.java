package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import dev.scion.sql.session.VariableReader;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

import java.math.BigDecimal;

/** Replaces variable identifiers made by {@link VariableRewriter} with literals of their current values. */
public final class VariableInliner extends SqlShuttle {
    private final Session session;

    public VariableInliner(Session session) {
        this.session = session;
    }

    @Override
    public SqlNode visit(org.apache.calcite.sql.SqlCall call) {
        if (call.getKind() == org.apache.calcite.sql.SqlKind.AS) {
            // The alias names the column; only the aliased expression holds variables.
            SqlNode inner = call.operand(0).accept(this);
            if (inner != call.operand(0)) {
                call.setOperand(0, inner);
            }
            return call;
        }
        return super.visit(call);
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() != 1 || !id.names.get(0).startsWith("@")) {
            return id;
        }
        String name = id.names.get(0);
        Object value = name.startsWith("@@") ? VariableReader.read(session, name.substring(2))
                : session.userVariable(name.substring(1));
        return literal(value, id.getParserPosition());
    }

    public static SqlNode literal(Object value, SqlParserPos pos) {
        if (value == null) {
            return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos),
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos));
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal) {
            String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            if (s.startsWith("-")) {
                return SqlStdOperatorTable.UNARY_MINUS.createCall(pos, SqlLiteral.createExactNumeric(s.substring(1), pos));
            }
            return SqlLiteral.createExactNumeric(s, pos);
        }
        if (value instanceof Double d) {
            return SqlLiteral.createApproxNumeric(Double.toString(d), pos);
        }
        if (value instanceof Boolean b) {
            return SqlLiteral.createExactNumeric(b ? "1" : "0", pos);
        }
        String text = value.toString();
        // Calcite's default charset is UTF-8 (saffron.properties), so any text is a plain literal
        return SqlLiteral.createCharString(text, pos);
    }
}
