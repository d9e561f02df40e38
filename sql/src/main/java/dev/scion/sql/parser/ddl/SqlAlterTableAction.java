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
 * <li>ALTER_CHECK: name (check or constraint), enforced
 * </ul>
 * Table options in an ALTER TABLE go to {@link SqlMySqlAlterTable#getTableOptions()}.
 */
public class SqlAlterTableAction extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE ACTION", SqlKind.OTHER);

  /** Kind of action, with the words that begin it in MySQL's syntax. */
  public enum Action {
    ADD_COLUMN("ADD COLUMN"), DROP_COLUMN("DROP COLUMN"), MODIFY_COLUMN("MODIFY COLUMN"),
    CHANGE_COLUMN("CHANGE COLUMN"), RENAME_COLUMN("RENAME COLUMN"), RENAME_TABLE("RENAME"),
    ADD_INDEX("ADD"), DROP_INDEX("DROP INDEX"), RENAME_INDEX("RENAME INDEX"),
    DROP_PRIMARY_KEY("DROP PRIMARY KEY"), ADD_FOREIGN_KEY("ADD"), DROP_FOREIGN_KEY("DROP FOREIGN KEY"),
    ADD_CHECK("ADD"), DROP_CHECK("DROP CHECK"), DROP_CONSTRAINT("DROP CONSTRAINT"),
    SET_DEFAULT("ALTER COLUMN"), DROP_DEFAULT("ALTER COLUMN"), DISABLE_KEYS("DISABLE KEYS"),
    ENABLE_KEYS("ENABLE KEYS"), CONVERT_CHARSET("CONVERT TO CHARACTER SET"), ALTER_CHECK("ALTER CHECK");

    private final String keywords;

    Action(String keywords) {
      this.keywords = keywords;
    }
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
  private boolean enforced = true;

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
  public SqlAlterTableAction enforced(boolean on) { this.enforced = on; return this; }

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
  public boolean isEnforced() { return enforced; }

  /**
   * The action's words, then whichever parts it has in MySQL's order: name, TO new name, the column / index /
   * foreign key / check definition, the default, the character set, the column position.
   */
  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(action.keywords);
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    if (newName != null) {
      writer.keyword("TO");
      newName.unparse(writer, 0, 0);
    }
    for (SqlNode definition : new SqlNode[] {column, index, foreignKey, check}) {
      if (definition != null) {
        definition.unparse(writer, 0, 0);
      }
    }
    if (action == Action.SET_DEFAULT) {
      writer.keyword("SET DEFAULT");
      if (value instanceof SqlCall && !(value instanceof SqlDefaultExpression)) {
        MySqlUnparse.paren(writer, value);
      } else {
        value.unparse(writer, 0, 0);
      }
    } else if (action == Action.DROP_DEFAULT) {
      writer.keyword("DROP DEFAULT");
    } else if (action == Action.ALTER_CHECK) {
      writer.keyword(enforced ? "ENFORCED" : "NOT ENFORCED");
    }
    if (charset != null) {
      writer.identifier(charset, false);
      if (collation != null) {
        writer.keyword("COLLATE");
        writer.identifier(collation, false);
      }
    }
    if (position == Position.FIRST) {
      writer.keyword("FIRST");
    } else if (position == Position.AFTER) {
      writer.keyword("AFTER");
      afterColumn.unparse(writer, 0, 0);
    }
  }
}
