package dev.scion.sql.parser.dml;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * A top-level query with a locking clause: {@code SELECT .. FOR UPDATE [OF t] [NOWAIT | SKIP
 * LOCKED]}, {@code FOR SHARE}, {@code LOCK IN SHARE MODE}. Only produced when such a clause is
 * present; {@link #getQuery()} is the plain Calcite query (SqlSelect / SqlOrderBy / ...).
 */
public class SqlMySqlLockedQuery extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("LOCKED QUERY", SqlKind.OTHER);

  /** Lock requested. */
  public enum LockMode {
    FOR_UPDATE("FOR UPDATE"), FOR_SHARE("FOR SHARE"), LOCK_IN_SHARE_MODE("LOCK IN SHARE MODE");

    public final String sql;

    LockMode(String sql) {
      this.sql = sql;
    }
  }

  /** What to do on a conflicting lock. */
  public enum WaitPolicy { WAIT, NOWAIT, SKIP_LOCKED }

  private final SqlNode query;
  private final LockMode lockMode;
  private final WaitPolicy waitPolicy;
  private final SqlNodeList ofTables;

  public SqlMySqlLockedQuery(SqlParserPos pos, SqlNode query, LockMode lockMode,
      WaitPolicy waitPolicy, SqlNodeList ofTables) {
    super(pos);
    this.query = query;
    this.lockMode = lockMode;
    this.waitPolicy = waitPolicy;
    this.ofTables = ofTables;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(query, ofTables);
  }

  public SqlNode getQuery() {
    return query;
  }

  public LockMode getLockMode() {
    return lockMode;
  }

  public WaitPolicy getWaitPolicy() {
    return waitPolicy;
  }

  /** Tables of {@code FOR UPDATE OF t1, t2}, or null. */
  public SqlNodeList getOfTables() {
    return ofTables;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, 0, 0);
    writer.keyword(lockMode.sql);
    if (ofTables != null) {
      writer.keyword("OF");
      dev.scion.sql.parser.MySqlUnparse.commaList(writer, ofTables);
    }
    if (waitPolicy == WaitPolicy.NOWAIT) {
      writer.keyword("NOWAIT");
    } else if (waitPolicy == WaitPolicy.SKIP_LOCKED) {
      writer.keyword("SKIP LOCKED");
    }
  }
}
