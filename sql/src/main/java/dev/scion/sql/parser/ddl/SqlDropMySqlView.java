package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code DROP VIEW [IF EXISTS] v1 [, v2 ...]}. */
public class SqlDropMySqlView extends SqlDrop {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

  private final List<SqlIdentifier> names;

  public SqlDropMySqlView(SqlParserPos pos, boolean ifExists, List<SqlIdentifier> names) {
    super(OPERATOR, pos, ifExists);
    this.names = List.copyOf(names);
  }

  @Override public List<SqlNode> getOperandList() {
    return List.copyOf(names);
  }

  public List<SqlIdentifier> getNames() {
    return names;
  }

  public boolean isIfExists() {
    return ifExists;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP VIEW");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    MySqlUnparse.commaList(writer, names);
  }
}
