package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * A column default written in parentheses, {@code DEFAULT (expr)}. MySQL treats it as an expression default even
 * when the expression is a literal: {@code TEXT DEFAULT ('x')} and {@code ENUM('a') DEFAULT (1)} are allowed where
 * the bare literal is not, and SHOW CREATE TABLE keeps the parentheses. The parser drops parentheses around an
 * expression, so this node keeps the fact.
 */
public class SqlDefaultExpression extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MYSQL_DEFAULT_EXPRESSION", SqlKind.OTHER);

  private final SqlNode expression;

  public SqlDefaultExpression(SqlParserPos pos, SqlNode expression) {
    super(pos);
    this.expression = expression;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(expression);
  }

  public SqlNode getExpression() {
    return expression;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    MySqlUnparse.paren(writer, expression);
  }
}
