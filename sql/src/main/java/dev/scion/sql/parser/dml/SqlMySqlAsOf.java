package dev.scion.sql.parser.dml;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code t AS OF 'main~1'}, {@code t AS OF TIMESTAMP '2024-01-01 00:00:00'}, {@code t AS OF expr}
 * after a table reference: a Calcite {@link SqlSnapshot} (table ref + period expression) that
 * unparses in MySQL/Dolt syntax. The period is whatever expression was written: a revision string,
 * a TIMESTAMP literal, a dynamic parameter...
 */
public class SqlMySqlAsOf extends SqlSnapshot {
  public SqlMySqlAsOf(SqlParserPos pos, SqlNode tableRef, SqlNode period) {
    super(pos, tableRef, period);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    getTableRef().unparse(writer, 0, 0);
    writer.keyword("AS OF");
    getPeriod().unparse(writer, 0, 0);
  }
}
