package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE DATABASE | SCHEMA [IF NOT EXISTS] name [[DEFAULT] CHARACTER SET [=] x]
 * [[DEFAULT] COLLATE [=] y] ...}; options keyed CHARSET, COLLATE, ...
 */
public class SqlCreateMySqlDatabase extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE DATABASE", SqlKind.CREATE_SCHEMA);

  private final SqlIdentifier name;
  private final Map<String, SqlNode> options;

  public SqlCreateMySqlDatabase(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      Map<String, SqlNode> options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  public SqlIdentifier getName() {
    return name;
  }

  public boolean isIfNotExists() {
    return ifNotExists;
  }

  public Map<String, SqlNode> getOptions() {
    return options;
  }

  /** Text of an option (CHARSET, COLLATE), or null. */
  public String getOption(String option) {
    return MySqlUnparse.optionText(options.get(option));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE DATABASE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    MySqlUnparse.options(writer, options);
  }
}
