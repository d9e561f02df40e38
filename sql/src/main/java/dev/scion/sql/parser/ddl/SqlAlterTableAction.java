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

/**
 * One action of {@code ALTER TABLE}. Which fields are set depends on {@link #getAction()}:
 * <ul>
 * <li>ADD_COLUMN: column, position (FIRST / AFTER afterColumn)
 * <li>MODIFY_COLUMN: column, position
 * <li>CHANGE_COLUMN: name (old column), column (new definition), position
 * <li>DROP_COLUMN, DROP_INDEX, DROP_FOREIGN_KEY, DROP_CHECK, DROP_CONSTRAINT: name
 * <li>RENAME_COLUMN, RENAME_INDEX: name, newName
 * <li>RENAME_TABLE: newName
 * <li>ADD_INDEX (incl. PRIMARY KEY / UNIQUE): index
 * <li>ADD_FOREIGN_KEY: foreignKey
 * <li>ADD_CHECK: check
 * <li>DROP_PRIMARY_KEY, DISABLE_KEYS, ENABLE_KEYS: nothing
 * <li>SET_DEFAULT: name (column), value
 * <li>DROP_DEFAULT: name (column)
 * <li>CONVERT_CHARSET: charset, collation
 * </ul>
 * Table options in an ALTER TABLE go to {@link SqlMySqlAlterTable#getTableOptions()}.
 */
public class SqlAlterTableAction extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE ACTION", SqlKind.OTHER);

  /** Kind of action. */
  public enum Action {
    ADD_COLUMN, DROP_COLUMN, MODIFY_COLUMN, CHANGE_COLUMN, RENAME_COLUMN, RENAME_TABLE,
    ADD_INDEX, DROP_INDEX, RENAME_INDEX, DROP_PRIMARY_KEY, ADD_FOREIGN_KEY, DROP_FOREIGN_KEY,
    ADD_CHECK, DROP_CHECK, DROP_CONSTRAINT, SET_DEFAULT, DROP_DEFAULT, DISABLE_KEYS,
    ENABLE_KEYS, CONVERT_CHARSET
  }

  /** Column position of ADD / MODIFY / CHANGE. */
  public enum Position { DEFAULT, FIRST, AFTER }

  private final Action action;
  private SqlMySqlColumn column;
  private SqlIdentifier name;
  private SqlIdentifier newName;
  private Position position = Position.DEFAULT;
  private SqlIdentifier afterColumn;
  private SqlMySqlIndex index;
  private SqlMySqlForeignKey foreignKey;
  private SqlMySqlCheck check;
  private SqlNode value;
  private String charset;
  private String collation;

  public SqlAlterTableAction(SqlParserPos pos, Action action) {
    super(pos);
    this.action = action;
  }

  // Fluent setters, used by the parser.
  public SqlAlterTableAction column(SqlMySqlColumn c) { this.column = c; return this; }
  public SqlAlterTableAction name(SqlIdentifier n) { this.name = n; return this; }
  public SqlAlterTableAction newName(SqlIdentifier n) { this.newName = n; return this; }
  public SqlAlterTableAction index(SqlMySqlIndex i) { this.index = i; return this; }
  public SqlAlterTableAction foreignKey(SqlMySqlForeignKey f) { this.foreignKey = f; return this; }
  public SqlAlterTableAction check(SqlMySqlCheck c) { this.check = c; return this; }
  public SqlAlterTableAction value(SqlNode v) { this.value = v; return this; }

  public SqlAlterTableAction charset(String cs, String coll) {
    this.charset = cs;
    this.collation = coll;
    return this;
  }

  public SqlAlterTableAction position(Position p, SqlIdentifier after) {
    this.position = p;
    this.afterColumn = after;
    return this;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(column, name, newName, afterColumn, index, foreignKey,
        check, value);
  }

  public Action getAction() { return action; }
  public SqlMySqlColumn getColumn() { return column; }
  public SqlIdentifier getName() { return name; }
  public SqlIdentifier getNewName() { return newName; }
  public Position getPosition() { return position; }
  public SqlIdentifier getAfterColumn() { return afterColumn; }
  public SqlMySqlIndex getIndex() { return index; }
  public SqlMySqlForeignKey getForeignKey() { return foreignKey; }
  public SqlMySqlCheck getCheck() { return check; }
  public SqlNode getValue() { return value; }
  public String getCharset() { return charset; }
  public String getCollation() { return collation; }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (action) {
    case ADD_COLUMN:
      writer.keyword("ADD COLUMN");
      column.unparse(writer, 0, 0);
      break;
    case MODIFY_COLUMN:
      writer.keyword("MODIFY COLUMN");
      column.unparse(writer, 0, 0);
      break;
    case CHANGE_COLUMN:
      writer.keyword("CHANGE COLUMN");
      name.unparse(writer, 0, 0);
      column.unparse(writer, 0, 0);
      break;
    case DROP_COLUMN:
      writer.keyword("DROP COLUMN");
      name.unparse(writer, 0, 0);
      break;
    case RENAME_COLUMN:
      writer.keyword("RENAME COLUMN");
      name.unparse(writer, 0, 0);
      writer.keyword("TO");
      newName.unparse(writer, 0, 0);
      break;
    case RENAME_INDEX:
      writer.keyword("RENAME INDEX");
      name.unparse(writer, 0, 0);
      writer.keyword("TO");
      newName.unparse(writer, 0, 0);
      break;
    case RENAME_TABLE:
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
      break;
    case ADD_INDEX:
      writer.keyword("ADD");
      index.unparse(writer, 0, 0);
      break;
    case DROP_INDEX:
      writer.keyword("DROP INDEX");
      name.unparse(writer, 0, 0);
      break;
    case DROP_PRIMARY_KEY:
      writer.keyword("DROP PRIMARY KEY");
      break;
    case ADD_FOREIGN_KEY:
      writer.keyword("ADD");
      foreignKey.unparse(writer, 0, 0);
      break;
    case DROP_FOREIGN_KEY:
      writer.keyword("DROP FOREIGN KEY");
      name.unparse(writer, 0, 0);
      break;
    case ADD_CHECK:
      writer.keyword("ADD");
      check.unparse(writer, 0, 0);
      break;
    case DROP_CHECK:
      writer.keyword("DROP CHECK");
      name.unparse(writer, 0, 0);
      break;
    case DROP_CONSTRAINT:
      writer.keyword("DROP CONSTRAINT");
      name.unparse(writer, 0, 0);
      break;
    case SET_DEFAULT:
      writer.keyword("ALTER COLUMN");
      name.unparse(writer, 0, 0);
      writer.keyword("SET DEFAULT");
      if (value instanceof SqlCall) {
        MySqlUnparse.paren(writer, value);
      } else {
        value.unparse(writer, 0, 0);
      }
      break;
    case DROP_DEFAULT:
      writer.keyword("ALTER COLUMN");
      name.unparse(writer, 0, 0);
      writer.keyword("DROP DEFAULT");
      break;
    case DISABLE_KEYS:
      writer.keyword("DISABLE KEYS");
      break;
    case ENABLE_KEYS:
      writer.keyword("ENABLE KEYS");
      break;
    case CONVERT_CHARSET:
      writer.keyword("CONVERT TO CHARACTER SET");
      writer.identifier(charset, false);
      if (collation != null) {
        writer.keyword("COLLATE");
        writer.identifier(collation, false);
      }
      break;
    default:
      throw new AssertionError(action);
    }
    if (position == Position.FIRST) {
      writer.keyword("FIRST");
    } else if (position == Position.AFTER) {
      writer.keyword("AFTER");
      afterColumn.unparse(writer, 0, 0);
    }
  }
}
