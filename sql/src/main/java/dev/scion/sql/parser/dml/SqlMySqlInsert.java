package dev.scion.sql.parser.dml;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * MySQL {@code INSERT [IGNORE] | REPLACE [INTO] t [(cols)] VALUES (..),(..) | SELECT .. |
 * SET a = 1, .. [AS alias [(cols)]] [ON DUPLICATE KEY UPDATE a = VALUES(a), ..]}.
 *
 * <p>It <em>is</em> a Calcite {@link SqlInsert}: target table, column list and source (a VALUES
 * call of ROW calls, or a query) are the validatable part; {@code INSERT ... SET} arrives as a
 * column list plus a one-row VALUES. The MySQL extras are extra operands, so shuttles keep them.
 * {@code VALUES(col)} in the update list is a call to
 * {@link dev.scion.sql.parser.MySqlOperators#VALUES}; {@code DEFAULT} in a VALUES row is
 * Calcite's DEFAULT call.
 */
public class SqlMySqlInsert extends SqlInsert {
  public static final SqlSpecialOperator OPERATOR =
      new SqlSpecialOperator("INSERT", SqlKind.INSERT) {
        @Override public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos,
            SqlNode... operands) {
          return new SqlMySqlInsert(pos, (SqlNodeList) operands[0], operands[1], operands[2],
              (SqlNodeList) operands[3], ((SqlLiteral) operands[4]).booleanValue(),
              ((SqlLiteral) operands[5]).booleanValue(), (SqlIdentifier) operands[6],
              (SqlNodeList) operands[7], (SqlNodeList) operands[8], (SqlNodeList) operands[9]);
        }
      };

  private final boolean replace;
  private final boolean ignore;
  private SqlIdentifier rowAlias;
  private SqlNodeList rowAliasColumns;
  private SqlNodeList updateColumns;
  private SqlNodeList updateValues;

  /**
   * @param rowAlias        MySQL 8 {@code AS alias} after VALUES / SET, or null
   * @param rowAliasColumns column aliases {@code AS alias (a, b)}, or null
   * @param updateColumns   ON DUPLICATE KEY UPDATE targets, or null if there is no such clause
   * @param updateValues    ON DUPLICATE KEY UPDATE values (same size as updateColumns), or null
   */
  public SqlMySqlInsert(SqlParserPos pos, SqlNodeList keywords, SqlNode targetTable,
      SqlNode source, SqlNodeList columnList, boolean replace, boolean ignore,
      SqlIdentifier rowAlias, SqlNodeList rowAliasColumns, SqlNodeList updateColumns,
      SqlNodeList updateValues) {
    super(pos, keywords, targetTable, source, columnList);
    this.replace = replace;
    this.ignore = ignore;
    this.rowAlias = rowAlias;
    this.rowAliasColumns = rowAliasColumns;
    this.updateColumns = updateColumns;
    this.updateValues = updateValues;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    final SqlParserPos p = SqlParserPos.ZERO;
    return ImmutableNullableList.<SqlNode>builder()
        .addAll(super.getOperandList())
        .add(SqlLiteral.createBoolean(replace, p))
        .add(SqlLiteral.createBoolean(ignore, p))
        .add(rowAlias).add(rowAliasColumns).add(updateColumns).add(updateValues)
        .build();
  }

  @Override public void setOperand(int i, SqlNode operand) {
    switch (i) {
    case 4:
    case 5:
      throw new UnsupportedOperationException("flags are immutable");
    case 6: rowAlias = (SqlIdentifier) operand; break;
    case 7: rowAliasColumns = (SqlNodeList) operand; break;
    case 8: updateColumns = (SqlNodeList) operand; break;
    case 9: updateValues = (SqlNodeList) operand; break;
    default: super.setOperand(i, operand);
    }
  }

  /** REPLACE rather than INSERT. */
  public boolean isReplace() {
    return replace;
  }

  /** INSERT IGNORE. */
  public boolean isIgnore() {
    return ignore;
  }

  public SqlIdentifier getRowAlias() {
    return rowAlias;
  }

  public SqlNodeList getRowAliasColumns() {
    return rowAliasColumns;
  }

  public boolean hasOnDuplicateKeyUpdate() {
    return updateColumns != null;
  }

  /** Target columns of ON DUPLICATE KEY UPDATE, or null. */
  public SqlNodeList getUpdateColumns() {
    return updateColumns;
  }

  /** Values of ON DUPLICATE KEY UPDATE (parallel to {@link #getUpdateColumns()}), or null. */
  public SqlNodeList getUpdateValues() {
    return updateValues;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(replace ? "REPLACE" : "INSERT");
    if (ignore) {
      writer.keyword("IGNORE");
    }
    writer.keyword("INTO");
    getTargetTable().unparse(writer, 0, 0);
    if (getTargetColumnList() != null) {
      MySqlUnparse.list(writer, getTargetColumnList());
    }
    final SqlNode source = getSource();
    if (source.getKind() == SqlKind.VALUES) {
      writer.keyword("VALUES");
      final SqlWriter.Frame rows = writer.startList("", "");
      for (SqlNode row : ((SqlCall) source).getOperandList()) {
        writer.sep(",");
        MySqlUnparse.list(writer, ((SqlCall) row).getOperandList());
      }
      writer.endList(rows);
    } else {
      source.unparse(writer, 0, 0);
    }
    if (rowAlias != null) {
      writer.keyword("AS");
      rowAlias.unparse(writer, 0, 0);
      if (rowAliasColumns != null) {
        MySqlUnparse.list(writer, rowAliasColumns);
      }
    }
    if (updateColumns != null) {
      writer.keyword("ON DUPLICATE KEY UPDATE");
      final SqlWriter.Frame frame = writer.startList("", "");
      for (int i = 0; i < updateColumns.size(); i++) {
        writer.sep(",");
        updateColumns.get(i).unparse(writer, 0, 0);
        writer.keyword("=");
        updateValues.get(i).unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }
}
