package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.MySqlUnparse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * An index or key definition: {@code PRIMARY KEY (id)}, {@code UNIQUE KEY uk (a, b(10) DESC)},
 * {@code KEY k_1 (k) USING BTREE}, {@code FULLTEXT INDEX ft (body)}.
 */
public class SqlMySqlIndex extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MYSQL_INDEX", SqlKind.OTHER);

  /** Kind of index. */
  public enum Kind { PRIMARY, UNIQUE, INDEX, FULLTEXT, SPATIAL }

  private final Kind kind;
  private final SqlIdentifier constraintName;
  private final SqlIdentifier name;
  private final List<SqlMySqlKeyPart> parts;
  private final String using;
  private final String comment;

  /**
   * @param constraintName {@code CONSTRAINT name} before PRIMARY KEY / UNIQUE, or null
   * @param name           index name, or null
   * @param using          BTREE / HASH, or null
   * @param comment        index COMMENT, or null
   */
  public SqlMySqlIndex(SqlParserPos pos, Kind kind, SqlIdentifier constraintName,
      SqlIdentifier name, List<SqlMySqlKeyPart> parts, String using, String comment) {
    super(pos);
    this.kind = kind;
    this.constraintName = constraintName;
    this.name = name;
    this.parts = List.copyOf(parts);
    this.using = using;
    this.comment = comment;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.<SqlNode>builder().add(constraintName).add(name)
        .addAll(parts).build();
  }

  /** PRIMARY, UNIQUE, INDEX, FULLTEXT or SPATIAL. ({@code getKind()} is SqlNode's.) */
  public Kind getIndexKind() {
    return kind;
  }

  public SqlIdentifier getConstraintName() {
    return constraintName;
  }

  public SqlIdentifier getName() {
    return name;
  }

  /** Name to use: the index name, else the constraint name, else null. */
  public SqlIdentifier getEffectiveName() {
    return name != null ? name : constraintName;
  }

  public List<SqlMySqlKeyPart> getParts() {
    return parts;
  }

  public String getUsing() {
    return using;
  }

  public String getComment() {
    return comment;
  }

  public boolean isUnique() {
    return kind == Kind.PRIMARY || kind == Kind.UNIQUE;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (constraintName != null) {
      writer.keyword("CONSTRAINT");
      constraintName.unparse(writer, 0, 0);
    }
    switch (kind) {
    case PRIMARY: writer.keyword("PRIMARY KEY"); break;
    case UNIQUE: writer.keyword("UNIQUE KEY"); break;
    case INDEX: writer.keyword("KEY"); break;
    case FULLTEXT: writer.keyword("FULLTEXT KEY"); break;
    case SPATIAL: writer.keyword("SPATIAL KEY"); break;
    default: throw new AssertionError(kind);
    }
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    MySqlUnparse.list(writer, parts);
    if (using != null) {
      writer.keyword("USING");
      writer.keyword(using);
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      writer.literal(MySqlUnparse.quote(comment));
    }
  }
}
