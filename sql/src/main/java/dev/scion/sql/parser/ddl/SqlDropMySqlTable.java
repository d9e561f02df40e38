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

/** {@code DROP [TEMPORARY] TABLE [IF EXISTS] t1 [, t2 ...] [RESTRICT | CASCADE]}. */
public class SqlDropMySqlTable extends SqlDrop {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);

  private final boolean temporary;
  private final List<SqlIdentifier> names;

  public SqlDropMySqlTable(SqlParserPos pos, boolean temporary, boolean ifExists,
      List<SqlIdentifier> names) {
    super(OPERATOR, pos, ifExists);
    this.temporary = temporary;
    this.names = List.copyOf(names);
  }

  @Override public List<SqlNode> getOperandList() {
    return List.copyOf(names);
  }

  public boolean isTemporary() {
    return temporary;
  }

  public boolean isIfExists() {
    return ifExists;
  }

  public List<SqlIdentifier> getNames() {
    return names;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword("TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    MySqlUnparse.commaList(writer, names);
  }
}
