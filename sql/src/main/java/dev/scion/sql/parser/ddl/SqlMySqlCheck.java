package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/** {@code [CONSTRAINT name] CHECK (expr) [[NOT] ENFORCED]}. */
public class SqlMySqlCheck extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MYSQL_CHECK", SqlKind.OTHER);

  private final SqlIdentifier name;
  private final SqlNode expression;
  private final boolean enforced;

  public SqlMySqlCheck(SqlParserPos pos, SqlIdentifier name, SqlNode expression,
      boolean enforced) {
    super(pos);
    this.name = name;
    this.expression = expression;
    this.enforced = enforced;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, expression);
  }

  public SqlIdentifier getName() {
    return name;
  }

  public SqlNode getExpression() {
    return expression;
  }

  public boolean isEnforced() {
    return enforced;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword("CHECK");
    MySqlUnparse.paren(writer, expression);
    if (!enforced) {
      writer.keyword("NOT ENFORCED");
    }
  }
}
