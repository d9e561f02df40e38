package dev.scion.sql.parser.ddl;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * {@code CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX name [USING BTREE] ON t (key parts)
 * [USING BTREE] [COMMENT 'x'] [ALGORITHM = x] [LOCK = x]}. The index itself (kind, name, key
 * parts, USING, COMMENT) is a {@link SqlMySqlIndex}.
 */
public class SqlCreateMySqlIndex extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  private final SqlMySqlIndex index;
  private final SqlIdentifier table;

  public SqlCreateMySqlIndex(SqlParserPos pos, SqlMySqlIndex index, SqlIdentifier table) {
    super(OPERATOR, pos, false, false);
    this.index = index;
    this.table = table;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(index, table);
  }

  public SqlMySqlIndex getIndex() {
    return index;
  }

  public SqlIdentifier getName() {
    return index.getName();
  }

  public SqlIdentifier getTable() {
    return table;
  }

  public boolean isUnique() {
    return index.isUnique();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    switch (index.getIndexKind()) {
    case UNIQUE: writer.keyword("UNIQUE"); break;
    case FULLTEXT: writer.keyword("FULLTEXT"); break;
    case SPATIAL: writer.keyword("SPATIAL"); break;
    default: break;
    }
    writer.keyword("INDEX");
    index.getName().unparse(writer, 0, 0);
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    final SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlMySqlKeyPart part : index.getParts()) {
      writer.sep(",");
      part.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (index.getUsing() != null) {
      writer.keyword("USING");
      writer.keyword(index.getUsing());
    }
    if (index.getComment() != null) {
      writer.keyword("COMMENT");
      writer.literal(dev.scion.sql.parser.MySqlUnparse.quote(index.getComment()));
    }
  }
}
