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
 * A MySQL column definition: name, {@link SqlMySqlDataType} and column options, e.g.
 * {@code id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'x'}.
 * Built by the parser through {@link Builder}.
 */
public class SqlMySqlColumn extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MYSQL_COLUMN", SqlKind.COLUMN_DECL);

  private final SqlIdentifier name;
  private final SqlMySqlDataType type;
  private final Boolean nullable;
  private final SqlNode defaultValue;
  private final boolean defaultInParentheses;
  private final boolean autoIncrement;
  private final boolean primaryKey;
  private final boolean uniqueKey;
  private final String comment;
  private final SqlNode onUpdate;
  private final SqlNode generatedExpression;
  private final boolean stored;
  private final SqlMySqlCheck check;
  private final SqlMySqlForeignKey references;

  private SqlMySqlColumn(Builder b) {
    super(b.pos);
    this.name = b.name;
    this.type = b.type;
    this.nullable = b.nullable;
    this.defaultValue = b.defaultValue;
    this.defaultInParentheses = b.defaultInParentheses;
    this.autoIncrement = b.autoIncrement;
    this.primaryKey = b.primaryKey;
    this.uniqueKey = b.uniqueKey;
    this.comment = b.comment;
    this.onUpdate = b.onUpdate;
    this.generatedExpression = b.generatedExpression;
    this.stored = b.stored;
    this.check = b.check;
    this.references = b.references;
  }

  public static Builder builder(SqlParserPos pos, SqlIdentifier name, SqlMySqlDataType type) {
    return new Builder(pos, name, type);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, type, defaultValue, onUpdate, generatedExpression,
        check, references);
  }

  public SqlIdentifier getName() {
    return name;
  }

  public SqlMySqlDataType getType() {
    return type;
  }

  /** TRUE for NULL, FALSE for NOT NULL, null if not specified. */
  public Boolean getNullable() {
    return nullable;
  }

  /** Whether the column accepts NULL, applying MySQL's defaults (PRIMARY KEY implies NOT NULL). */
  public boolean isEffectivelyNullable() {
    if (primaryKey || type.getTypeName().equals("SERIAL")) {
      return false;
    }
    return nullable == null || nullable;
  }

  /** DEFAULT value (literal, NULL, CURRENT_TIMESTAMP[(n)] or an expression), or null. */
  public SqlNode getDefaultValue() {
    return defaultValue;
  }

  /**
   * Whether the DEFAULT was written in parentheses: MySQL makes {@code DEFAULT (24)} an expression default
   * (evaluated at insert, shown as {@code DEFAULT (24)}), unlike the literal default {@code DEFAULT 24}.
   */
  public boolean isDefaultInParentheses() {
    return defaultInParentheses;
  }

  public boolean isAutoIncrement() {
    return autoIncrement || type.getTypeName().equals("SERIAL");
  }

  public boolean isPrimaryKey() {
    return primaryKey;
  }

  public boolean isUniqueKey() {
    return uniqueKey || type.getTypeName().equals("SERIAL");
  }

  public String getComment() {
    return comment;
  }

  /** ON UPDATE expression (CURRENT_TIMESTAMP[(n)]), or null. */
  public SqlNode getOnUpdate() {
    return onUpdate;
  }

  /** Expression of a generated column ({@code [GENERATED ALWAYS] AS (expr)}), or null. */
  public SqlNode getGeneratedExpression() {
    return generatedExpression;
  }

  /** Whether a generated column is STORED (else VIRTUAL). */
  public boolean isStored() {
    return stored;
  }

  public SqlMySqlCheck getCheck() {
    return check;
  }

  /** Column-level {@code REFERENCES t (c)}, or null. */
  public SqlMySqlForeignKey getReferences() {
    return references;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    if (generatedExpression != null) {
      writer.keyword("GENERATED ALWAYS AS");
      MySqlUnparse.paren(writer, generatedExpression);
      writer.keyword(stored ? "STORED" : "VIRTUAL");
    }
    if (nullable != null) {
      writer.keyword(nullable ? "NULL" : "NOT NULL");
    }
    if (defaultValue != null) {
      writer.keyword("DEFAULT");
      if (defaultInParentheses || defaultValue instanceof SqlCall && !isCurrentTimestamp(defaultValue)) {
        MySqlUnparse.paren(writer, defaultValue); // DEFAULT (expr)
      } else {
        defaultValue.unparse(writer, 0, 0);
      }
    }
    if (onUpdate != null) {
      writer.keyword("ON UPDATE");
      onUpdate.unparse(writer, 0, 0);
    }
    if (autoIncrement) {
      writer.keyword("AUTO_INCREMENT");
    }
    if (primaryKey) {
      writer.keyword("PRIMARY KEY");
    }
    if (uniqueKey) {
      writer.keyword("UNIQUE KEY");
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      writer.literal(MySqlUnparse.quote(comment));
    }
    if (check != null) {
      check.unparse(writer, 0, 0);
    }
    if (references != null) {
      references.unparseReferences(writer);
    }
  }

  private static boolean isCurrentTimestamp(SqlNode node) {
    final String s = node instanceof SqlCall
        ? ((SqlCall) node).getOperator().getName() : "";
    return s.equalsIgnoreCase("CURRENT_TIMESTAMP") || s.equalsIgnoreCase("NOW")
        || s.equalsIgnoreCase("LOCALTIMESTAMP") || s.equalsIgnoreCase("LOCALTIME");
  }

  /** Mutable builder used by the parser while it reads column options in any order. */
  public static final class Builder {
    final SqlParserPos pos;
    final SqlIdentifier name;
    final SqlMySqlDataType type;
    Boolean nullable;
    SqlNode defaultValue;
    boolean defaultInParentheses;
    boolean autoIncrement;
    boolean primaryKey;
    boolean uniqueKey;
    String comment;
    SqlNode onUpdate;
    SqlNode generatedExpression;
    boolean stored;
    SqlMySqlCheck check;
    SqlMySqlForeignKey references;

    Builder(SqlParserPos pos, SqlIdentifier name, SqlMySqlDataType type) {
      this.pos = pos;
      this.name = name;
      this.type = type;
    }

    public Builder nullable(boolean b) { this.nullable = b; return this; }
    public Builder defaultValue(SqlNode e) { return defaultValue(e, false); }
    public Builder defaultValue(SqlNode e, boolean inParentheses) {
      this.defaultValue = e;
      this.defaultInParentheses = inParentheses;
      return this;
    }
    public Builder autoIncrement() { this.autoIncrement = true; return this; }
    public Builder primaryKey() { this.primaryKey = true; return this; }
    public Builder uniqueKey() { this.uniqueKey = true; return this; }
    public Builder comment(String s) { this.comment = s; return this; }
    public Builder onUpdate(SqlNode e) { this.onUpdate = e; return this; }
    public Builder check(SqlMySqlCheck c) { this.check = c; return this; }
    public Builder references(SqlMySqlForeignKey r) { this.references = r; return this; }

    public Builder generated(SqlNode e, boolean stored) {
      this.generatedExpression = e;
      this.stored = stored;
      return this;
    }

    public Builder charset(String charset) {
      type.withCharsetAndCollation(charset, null);
      return this;
    }

    /** A spatial column's SRID option; a type of another kind rejects it when the column is defined. */
    public Builder srid(long srid) {
      type.withSrid(srid);
      return this;
    }

    public Builder collation(String collation) {
      type.withCharsetAndCollation(null, collation);
      return this;
    }

    public SqlMySqlColumn build(SqlParserPos end) {
      return new SqlMySqlColumn(this);
    }
  }
}
