package dev.scion.sql.parser.ddl;

import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/** {@code RENAME TABLE a TO b [, c TO d ...]}; {@code from.get(i)} becomes {@code to.get(i)}. */
public class SqlRenameMySqlTable extends SqlDdl {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("RENAME TABLE", SqlKind.ALTER_TABLE);

  private final List<SqlIdentifier> from;
  private final List<SqlIdentifier> to;

  public SqlRenameMySqlTable(SqlParserPos pos, List<SqlIdentifier> from,
      List<SqlIdentifier> to) {
    super(OPERATOR, pos);
    this.from = List.copyOf(from);
    this.to = List.copyOf(to);
  }

  @Override public List<SqlNode> getOperandList() {
    final List<SqlNode> list = new ArrayList<>(from);
    list.addAll(to);
    return list;
  }

  public List<SqlIdentifier> getFrom() {
    return from;
  }

  public List<SqlIdentifier> getTo() {
    return to;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("RENAME TABLE");
    final SqlWriter.Frame frame = writer.startList("", "");
    for (int i = 0; i < from.size(); i++) {
      writer.sep(",");
      from.get(i).unparse(writer, 0, 0);
      writer.keyword("TO");
      to.get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
