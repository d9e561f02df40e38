package dev.scion.sql.parser.dml;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * MySQL {@code UPDATE [LOW_PRIORITY] [IGNORE] t [[AS] a] SET c = e, .. [WHERE ..]
 * [ORDER BY ..] [LIMIT n]}, and the multi-table form {@code UPDATE a JOIN b ON .. SET a.x = b.y}
 * (then {@link #getTargetTable()} is the join and {@link #isMultiTable()} is true).
 * A Calcite {@link SqlUpdate} plus ORDER BY / LIMIT / IGNORE as extra operands.
 */
public class SqlMySqlUpdate extends SqlUpdate {
  public static final SqlSpecialOperator OPERATOR =
      new SqlSpecialOperator("UPDATE", SqlKind.UPDATE) {
        @Override public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos,
            SqlNode... o) {
          final SqlMySqlUpdate u = new SqlMySqlUpdate(pos, o[0], (SqlNodeList) o[1],
              (SqlNodeList) o[2], o[3], (SqlIdentifier) o[5], (SqlNodeList) o[6], o[7],
              ((SqlLiteral) o[8]).booleanValue());
          u.setSourceSelect((SqlSelect) o[4]);
          return u;
        }
      };

  private SqlNodeList orderBy;
  private SqlNode limit;
  private final boolean ignore;

  public SqlMySqlUpdate(SqlParserPos pos, SqlNode targetTable, SqlNodeList targetColumnList,
      SqlNodeList sourceExpressionList, SqlNode condition, SqlIdentifier alias,
      SqlNodeList orderBy, SqlNode limit, boolean ignore) {
    super(pos, targetTable, targetColumnList, sourceExpressionList, condition, null, alias);
    this.orderBy = orderBy;
    this.limit = limit;
    this.ignore = ignore;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.<SqlNode>builder()
        .addAll(super.getOperandList())
        .add(orderBy).add(limit).add(SqlLiteral.createBoolean(ignore, SqlParserPos.ZERO))
        .build();
  }

  @Override public void setOperand(int i, SqlNode operand) {
    switch (i) {
    case 6: orderBy = (SqlNodeList) operand; break;
    case 7: limit = operand; break;
    case 8: throw new UnsupportedOperationException("flags are immutable");
    default: super.setOperand(i, operand);
    }
  }

  /** ORDER BY items, or null. */
  public SqlNodeList getOrderBy() {
    return orderBy;
  }

  /** LIMIT row count (literal or dynamic parameter), or null. */
  public SqlNode getLimit() {
    return limit;
  }

  public boolean isIgnore() {
    return ignore;
  }

  /** Whether the target is a join / table list rather than a single table. */
  public boolean isMultiTable() {
    return !(getTargetTable() instanceof SqlIdentifier);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("UPDATE");
    if (ignore) {
      writer.keyword("IGNORE");
    }
    MySqlUnparse.targetTable(writer, getTargetTable(), getAlias());
    writer.keyword("SET");
    final SqlWriter.Frame frame = writer.startList("", "");
    for (int i = 0; i < getTargetColumnList().size(); i++) {
      writer.sep(",");
      getTargetColumnList().get(i).unparse(writer, 0, 0);
      writer.keyword("=");
      getSourceExpressionList().get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (getCondition() != null) {
      writer.keyword("WHERE");
      getCondition().unparse(writer, 0, 0);
    }
    MySqlUnparse.orderByLimit(writer, orderBy, limit);
  }
}
