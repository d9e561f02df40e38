package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * {@code [CONSTRAINT name] FOREIGN KEY [index] (cols) REFERENCES t (cols) [ON DELETE a]
 * [ON UPDATE a]}; also the column-level {@code REFERENCES t (c)} (then columns is empty).
 */
public class SqlMySqlForeignKey extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MYSQL_FOREIGN_KEY", SqlKind.OTHER);

  /** Referential action. */
  public enum Action {
    RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), NO_ACTION("NO ACTION"),
    SET_DEFAULT("SET DEFAULT");

    public final String sql;

    Action(String sql) {
      this.sql = sql;
    }
  }

  private final SqlIdentifier constraintName;
  private final SqlIdentifier indexName;
  private final SqlNodeList columns;
  private final SqlIdentifier referencedTable;
  private final SqlNodeList referencedColumns;
  private final Action onDelete;
  private final Action onUpdate;

  public SqlMySqlForeignKey(SqlParserPos pos, SqlIdentifier constraintName,
      SqlIdentifier indexName, SqlNodeList columns, SqlIdentifier referencedTable,
      SqlNodeList referencedColumns, Action onDelete, Action onUpdate) {
    super(pos);
    this.constraintName = constraintName;
    this.indexName = indexName;
    this.columns = columns;
    this.referencedTable = referencedTable;
    this.referencedColumns = referencedColumns;
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(constraintName, indexName, columns, referencedTable,
        referencedColumns);
  }

  public SqlIdentifier getConstraintName() {
    return constraintName;
  }

  public SqlIdentifier getIndexName() {
    return indexName;
  }

  /** Referencing columns (empty for a column-level REFERENCES). */
  public SqlNodeList getColumns() {
    return columns;
  }

  public SqlIdentifier getReferencedTable() {
    return referencedTable;
  }

  public SqlNodeList getReferencedColumns() {
    return referencedColumns;
  }

  /** ON DELETE action, or null if not specified (MySQL records it as NO ACTION). */
  public Action getOnDelete() {
    return onDelete;
  }

  /** ON UPDATE action, or null if not specified. */
  public Action getOnUpdate() {
    return onUpdate;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (!columns.isEmpty()) {
      if (constraintName != null) {
        writer.keyword("CONSTRAINT");
        constraintName.unparse(writer, 0, 0);
      }
      writer.keyword("FOREIGN KEY");
      if (indexName != null) {
        indexName.unparse(writer, 0, 0);
      }
      MySqlUnparse.list(writer, columns);
    }
    unparseReferences(writer);
  }

  /** Writes {@code REFERENCES t (c) [ON DELETE ..] [ON UPDATE ..]}. */
  public void unparseReferences(SqlWriter writer) {
    writer.keyword("REFERENCES");
    referencedTable.unparse(writer, 0, 0);
    if (!referencedColumns.isEmpty()) {
      MySqlUnparse.list(writer, referencedColumns);
    }
    if (onDelete != null) {
      writer.keyword("ON DELETE");
      writer.keyword(onDelete.sql);
    }
    if (onUpdate != null) {
      writer.keyword("ON UPDATE");
      writer.keyword(onUpdate.sql);
    }
  }
}
