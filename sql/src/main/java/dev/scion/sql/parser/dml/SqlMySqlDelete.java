package dev.scion.sql.parser.dml;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * MySQL {@code DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM t [[AS] a] [WHERE ..] [ORDER BY ..]
 * [LIMIT n]}, and the multi-table forms {@code DELETE a[, b] FROM a JOIN b ON .. [WHERE ..]} and
 * {@code DELETE FROM a[, b] USING a JOIN b ..}: then {@link #getTargets()} lists the tables rows
 * are deleted from and {@link #getTargetTable()} is the join.
 */
public class SqlMySqlDelete extends SqlDelete {
  public static final SqlSpecialOperator OPERATOR =
      new SqlSpecialOperator("DELETE", SqlKind.DELETE) {
        @Override public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos,
            SqlNode... o) {
          final SqlMySqlDelete d = new SqlMySqlDelete(pos, o[0], o[1], (SqlIdentifier) o[3],
              (SqlNodeList) o[4], (SqlNodeList) o[5], o[6],
              ((SqlLiteral) o[7]).booleanValue());
          d.setSourceSelect((SqlSelect) o[2]);
          return d;
        }
      };

  private SqlNodeList targets;
  private SqlNodeList orderBy;
  private SqlNode limit;
  private final boolean ignore;

  /**
   * @param targets tables to delete from in a multi-table DELETE, else null
   */
  public SqlMySqlDelete(SqlParserPos pos, SqlNode targetTable, SqlNode condition,
      SqlIdentifier alias, SqlNodeList targets, SqlNodeList orderBy, SqlNode limit,
      boolean ignore) {
    super(pos, targetTable, condition, null, alias);
    this.targets = targets;
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
        .add(targets).add(orderBy).add(limit)
        .add(SqlLiteral.createBoolean(ignore, SqlParserPos.ZERO))
        .build();
  }

  @Override public void setOperand(int i, SqlNode operand) {
    switch (i) {
    case 4: targets = (SqlNodeList) operand; break;
    case 5: orderBy = (SqlNodeList) operand; break;
    case 6: limit = operand; break;
    case 7: throw new UnsupportedOperationException("flags are immutable");
    default: super.setOperand(i, operand);
    }
  }

  /** Tables deleted from in a multi-table DELETE, else null. */
  public SqlNodeList getTargets() {
    return targets;
  }

  public boolean isMultiTable() {
    return targets != null;
  }

  public SqlNodeList getOrderBy() {
    return orderBy;
  }

  public SqlNode getLimit() {
    return limit;
  }

  public boolean isIgnore() {
    return ignore;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DELETE");
    if (ignore) {
      writer.keyword("IGNORE");
    }
    if (targets != null) {
      MySqlUnparse.commaList(writer, targets);
    }
    writer.keyword("FROM");
    MySqlUnparse.targetTable(writer, getTargetTable(), getAlias());
    if (getCondition() != null) {
      writer.keyword("WHERE");
      getCondition().unparse(writer, 0, 0);
    }
    MySqlUnparse.orderByLimit(writer, orderBy, limit);
  }
}
