package dev.scion.sql.parser.ddl;

import org.apache.calcite.sql.SqlCreate;
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

/** {@code CREATE [OR REPLACE] [ALGORITHM = x] VIEW name [(cols)] AS query}. */
public class SqlCreateMySqlView extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final SqlNodeList columnList;
  private final SqlNode query;
  /** DEFINER and SQL SECURITY as the statement gave them (read before parsing); null when it named neither. */
  private dev.scion.sql.frontend.ViewDefinerClause.Clause definerClause;

  public SqlCreateMySqlView(SqlParserPos pos, boolean replace, SqlIdentifier name,
      SqlNodeList columnList, SqlNode query) {
    super(OPERATOR, pos, replace, false);
    this.name = name;
    this.columnList = columnList;
    this.query = query;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columnList, query);
  }

  public SqlIdentifier getName() {
    return name;
  }

  /** Column names, or null. */
  public SqlNodeList getColumnList() {
    return columnList;
  }

  public SqlNode getQuery() {
    return query;
  }

  public dev.scion.sql.frontend.ViewDefinerClause.Clause getDefinerClause() {
    return definerClause;
  }

  public void setDefinerClause(dev.scion.sql.frontend.ViewDefinerClause.Clause clause) {
    this.definerClause = clause;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (getReplace()) {
      writer.keyword("OR REPLACE");
    }
    writer.keyword("VIEW");
    name.unparse(writer, 0, 0);
    if (columnList != null) {
      dev.scion.sql.parser.MySqlUnparse.list(writer, columnList);
    }
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}
