package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ALTER [IGNORE] TABLE t action [, action ...]}: a list of {@link SqlAlterTableAction}
 * plus table options (ENGINE=, AUTO_INCREMENT=, ... and ALGORITHM= / LOCK=, keyed like
 * {@link SqlCreateMySqlTable#getTableOptions()}).
 */
public class SqlMySqlAlterTable extends SqlDdl {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  private final SqlIdentifier name;
  private final List<SqlAlterTableAction> actions;
  private final Map<String, SqlNode> tableOptions;

  public SqlMySqlAlterTable(SqlParserPos pos, SqlIdentifier name,
      List<SqlAlterTableAction> actions, Map<String, SqlNode> tableOptions) {
    super(OPERATOR, pos);
    this.name = name;
    this.actions = List.copyOf(actions);
    this.tableOptions = Collections.unmodifiableMap(new LinkedHashMap<>(tableOptions));
  }

  @Override public List<SqlNode> getOperandList() {
    final List<SqlNode> list = new ArrayList<>();
    list.add(name);
    list.addAll(actions);
    return list;
  }

  public SqlIdentifier getName() {
    return name;
  }

  public List<SqlAlterTableAction> getActions() {
    return actions;
  }

  public Map<String, SqlNode> getTableOptions() {
    return tableOptions;
  }

  /** Text of a table option, or null. */
  public String getTableOption(String option) {
    return MySqlUnparse.optionText(tableOptions.get(option));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    name.unparse(writer, 0, 0);
    final SqlWriter.Frame frame = writer.startList("", "");
    for (SqlAlterTableAction action : actions) {
      writer.sep(",");
      action.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (!tableOptions.isEmpty()) {
      if (!actions.isEmpty()) {
        writer.print(",");
      }
      MySqlUnparse.options(writer, tableOptions);
    }
  }
}
