package dev.scion.sql.parser.ddl;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code DROP INDEX name ON t [ALGORITHM = x] [LOCK = x]}. */
public class SqlDropMySqlIndex extends SqlDrop {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP INDEX", SqlKind.DROP_INDEX);

  private final SqlIdentifier name;
  private final SqlIdentifier table;

  public SqlDropMySqlIndex(SqlParserPos pos, SqlIdentifier name, SqlIdentifier table) {
    super(OPERATOR, pos, false);
    this.name = name;
    this.table = table;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, table);
  }

  public SqlIdentifier getName() {
    return name;
  }

  public SqlIdentifier getTable() {
    return table;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP INDEX");
    name.unparse(writer, 0, 0);
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
  }
}
