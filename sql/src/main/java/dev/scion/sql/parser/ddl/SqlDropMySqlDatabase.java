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

/** {@code DROP DATABASE | SCHEMA [IF EXISTS] name}. */
public class SqlDropMySqlDatabase extends SqlDrop {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP DATABASE", SqlKind.DROP_SCHEMA);

  private final SqlIdentifier name;

  public SqlDropMySqlDatabase(SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
    super(OPERATOR, pos, ifExists);
    this.name = name;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  public SqlIdentifier getName() {
    return name;
  }

  public boolean isIfExists() {
    return ifExists;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP DATABASE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
  }
}
