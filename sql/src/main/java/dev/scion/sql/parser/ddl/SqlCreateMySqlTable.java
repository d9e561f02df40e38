package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (columns, keys, foreign keys, checks)
 * [options] [[AS] query]}, {@code CREATE TABLE name LIKE other}.
 *
 * <p>Table options are keyed by upper-case name; {@code CHARACTER SET} is stored as
 * {@code CHARSET}: ENGINE, CHARSET, COLLATE, AUTO_INCREMENT, COMMENT, ROW_FORMAT, and any other
 * {@code NAME = value}.
 */
public class SqlCreateMySqlTable extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final boolean temporary;
  private final SqlIdentifier name;
  private final List<SqlMySqlColumn> columns;
  private final List<SqlMySqlIndex> indexes;
  private final List<SqlMySqlForeignKey> foreignKeys;
  private final List<SqlMySqlCheck> checks;
  private final Map<String, SqlNode> tableOptions;
  private final SqlIdentifier likeTable;
  private final SqlNode asQuery;

  public SqlCreateMySqlTable(SqlParserPos pos, boolean replace, boolean temporary,
      boolean ifNotExists, SqlIdentifier name, List<SqlMySqlColumn> columns,
      List<SqlMySqlIndex> indexes, List<SqlMySqlForeignKey> foreignKeys,
      List<SqlMySqlCheck> checks, Map<String, SqlNode> tableOptions, SqlIdentifier likeTable,
      SqlNode asQuery) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.temporary = temporary;
    this.name = name;
    this.columns = List.copyOf(columns);
    this.indexes = List.copyOf(indexes);
    this.foreignKeys = List.copyOf(foreignKeys);
    this.checks = List.copyOf(checks);
    this.tableOptions = Collections.unmodifiableMap(new LinkedHashMap<>(tableOptions));
    this.likeTable = likeTable;
    this.asQuery = asQuery;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, likeTable, asQuery);
  }

  public boolean isTemporary() {
    return temporary;
  }

  public boolean isIfNotExists() {
    return ifNotExists;
  }

  public SqlIdentifier getName() {
    return name;
  }

  public List<SqlMySqlColumn> getColumns() {
    return columns;
  }

  /** Table-level PRIMARY KEY / UNIQUE / KEY / FULLTEXT definitions (not column-level ones). */
  public List<SqlMySqlIndex> getIndexes() {
    return indexes;
  }

  public List<SqlMySqlForeignKey> getForeignKeys() {
    return foreignKeys;
  }

  public List<SqlMySqlCheck> getChecks() {
    return checks;
  }

  public Map<String, SqlNode> getTableOptions() {
    return tableOptions;
  }

  /** Text of a table option (e.g. "ENGINE", "CHARSET"), or null if absent. */
  public String getTableOption(String name) {
    return MySqlUnparse.optionText(tableOptions.get(name));
  }

  /** {@code LIKE other}, or null. */
  public SqlIdentifier getLikeTable() {
    return likeTable;
  }

  /** {@code [AS] SELECT ...}, or null. */
  public SqlNode getAsQuery() {
    return asQuery;
  }

  /** Primary key column names, from the table-level PRIMARY KEY or a column's PRIMARY KEY. */
  public List<String> getPrimaryKeyColumns() {
    final List<String> result = new ArrayList<>();
    for (SqlMySqlIndex index : indexes) {
      if (index.getIndexKind() == SqlMySqlIndex.Kind.PRIMARY) {
        for (SqlMySqlKeyPart part : index.getParts()) {
          if (part.getColumn() != null) {
            result.add(part.getColumn().getSimple());
          }
        }
        return result;
      }
    }
    for (SqlMySqlColumn column : columns) {
      if (column.isPrimaryKey()) {
        result.add(column.getName().getSimple());
      }
    }
    return result;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (likeTable != null) {
      writer.keyword("LIKE");
      likeTable.unparse(writer, 0, 0);
      return;
    }
    final List<SqlNode> elements = new ArrayList<>();
    elements.addAll(columns);
    elements.addAll(indexes);
    elements.addAll(foreignKeys);
    elements.addAll(checks);
    if (!elements.isEmpty()) {
      MySqlUnparse.list(writer, elements);
    }
    MySqlUnparse.options(writer, tableOptions);
    if (asQuery != null) {
      writer.keyword("AS");
      asQuery.unparse(writer, 0, 0);
    }
  }
}
