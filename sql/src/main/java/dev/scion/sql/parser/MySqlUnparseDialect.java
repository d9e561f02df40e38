package dev.scion.sql.parser;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.regex.Pattern;

/**
 * Calcite's {@link MysqlSqlDialect} with fixes so that unparsed text is MySQL again:
 * string literals escape backslashes; {@code BETWEEN} without ASYMMETRIC;
 * IS NOT DISTINCT FROM as {@code <=>}; {@code CONVERT(x USING cs)}; plain function names
 * ({@code IF(..)}, {@code LEFT(..)}) unquoted, since a back-quoted name is a stored function in
 * MySQL.
 */
public class MySqlUnparseDialect extends MysqlSqlDialect {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  public MySqlUnparseDialect() {
    super(MysqlSqlDialect.DEFAULT_CONTEXT);
  }

  @Override public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
    buf.append(MySqlUnparse.quote(val));
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec,
      int rightPrec) {
    final SqlOperator op = call.getOperator();
    if (op instanceof SqlBetweenOperator
        && ((SqlBetweenOperator) op).flag == SqlBetweenOperator.Flag.ASYMMETRIC) {
      final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
      call.operand(0).unparse(writer, op.getLeftPrec(), op.getRightPrec());
      writer.sep(((SqlBetweenOperator) op).isNegated() ? "NOT BETWEEN" : "BETWEEN");
      call.operand(1).unparse(writer, 0, 0);
      writer.sep("AND");
      call.operand(2).unparse(writer, op.getRightPrec(), rightPrec);
      writer.endList(frame);
      return;
    }
    if (op == SqlStdOperatorTable.IS_NOT_DISTINCT_FROM) {
      final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
      call.operand(0).unparse(writer, leftPrec, op.getLeftPrec());
      writer.sep("<=>");
      call.operand(1).unparse(writer, op.getRightPrec(), rightPrec);
      writer.endList(frame);
      return;
    }
    if (op == SqlStdOperatorTable.TRANSLATE && call.operandCount() == 2) {
      writer.print("CONVERT");
      final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
      call.operand(0).unparse(writer, 0, 0);
      writer.sep("USING");
      call.operand(1).unparse(writer, 0, 0);
      writer.endList(frame);
      return;
    }
    if (op instanceof SqlFunction && op.getSyntax() == SqlSyntax.FUNCTION
        && call instanceof SqlBasicCall && call.getFunctionQuantifier() == null) {
      final SqlIdentifier id = ((SqlFunction) op).getSqlIdentifier();
      final String name = id != null && id.isSimple() ? id.getSimple() : null;
      final SqlFunctionCategory category = ((SqlFunction) op).getFunctionType();
      if (name != null && PLAIN_NAME.matcher(name).matches()
          && !category.isSpecific() && !id.getParserPosition().isQuoted()) {
        writer.print(name);
        final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL,
            "(", ")");
        for (SqlNode operand : call.getOperandList()) {
          writer.sep(",");
          operand.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        return;
      }
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}
