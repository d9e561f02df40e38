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

/** One part of an index key: {@code col}, {@code col(10) DESC} or {@code (expr) ASC}. */
public class SqlMySqlKeyPart extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MYSQL_KEY_PART", SqlKind.OTHER);

  private final SqlIdentifier column;
  private final SqlNode expression;
  private final int prefixLength;
  private final Boolean descending;

  /**
   * @param column       the column, or null for a functional key part
   * @param expression   the expression of a functional key part, else null
   * @param prefixLength prefix length {@code col(10)}; -1 if absent
   * @param descending   TRUE for DESC, FALSE for ASC, null if not specified
   */
  public SqlMySqlKeyPart(SqlParserPos pos, SqlIdentifier column, SqlNode expression,
      int prefixLength, Boolean descending) {
    super(pos);
    this.column = column;
    this.expression = expression;
    this.prefixLength = prefixLength;
    this.descending = descending;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(column, expression);
  }

  public SqlIdentifier getColumn() {
    return column;
  }

  public SqlNode getExpression() {
    return expression;
  }

  public int getPrefixLength() {
    return prefixLength;
  }

  public Boolean getDescending() {
    return descending;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (column != null) {
      column.unparse(writer, 0, 0);
      if (prefixLength >= 0) {
        final SqlWriter.Frame frame = writer.startList("(", ")");
        writer.print(prefixLength);
        writer.endList(frame);
      }
    } else {
      MySqlUnparse.paren(writer, expression);
    }
    if (descending != null) {
      writer.keyword(descending ? "DESC" : "ASC");
    }
  }
}
