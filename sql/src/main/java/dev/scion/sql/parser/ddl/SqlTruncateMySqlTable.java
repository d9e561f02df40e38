package dev.scion.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlTruncate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code TRUNCATE [TABLE] t}. */
public class SqlTruncateMySqlTable extends SqlTruncate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TRUNCATE TABLE", SqlKind.TRUNCATE_TABLE);

  private final SqlIdentifier name;

  public SqlTruncateMySqlTable(SqlParserPos pos, SqlIdentifier name) {
    super(OPERATOR, pos);
    this.name = name;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  public SqlIdentifier getName() {
    return name;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("TRUNCATE TABLE");
    name.unparse(writer, 0, 0);
  }
}
