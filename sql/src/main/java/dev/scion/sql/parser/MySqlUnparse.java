package dev.scion.sql.parser;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

import java.util.List;
import java.util.Map;

/** Small helpers shared by the custom nodes' {@code unparse} methods. */
public final class MySqlUnparse {
  private MySqlUnparse() {}

  /** MySQL single-quoted literal: quotes doubled, backslashes escaped. */
  public static String quote(String s) {
    final StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
      case '\'': b.append("''"); break;
      case '\\': b.append("\\\\"); break;
      case '\0': b.append("\\0"); break;
      default: b.append(c);
      }
    }
    return b.append('\'').toString();
  }

  /** Writes {@code (a, b, c)}. */
  public static void list(SqlWriter writer, List<? extends SqlNode> nodes) {
    final SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode n : nodes) {
      writer.sep(",");
      n.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** Writes {@code a, b, c} without parentheses. */
  public static void commaList(SqlWriter writer, List<? extends SqlNode> nodes) {
    final SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode n : nodes) {
      writer.sep(",");
      n.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** Writes an expression, parenthesized. */
  public static void paren(SqlWriter writer, SqlNode e) {
    final SqlWriter.Frame frame = writer.startList("(", ")");
    e.unparse(writer, 0, 0);
    writer.endList(frame);
  }

  /** Writes table/database options: {@code ENGINE = InnoDB CHARSET = utf8mb4 ...}. */
  public static void options(SqlWriter writer, Map<String, SqlNode> options) {
    for (Map.Entry<String, SqlNode> e : options.entrySet()) {
      writer.keyword(e.getKey());
      writer.keyword("=");
      e.getValue().unparse(writer, 0, 0);
    }
  }

  /**
   * The table part of a single- or multi-table UPDATE / DELETE: a table or join without the parentheses a
   * nested join would get, then its alias.
   */
  public static void targetTable(SqlWriter writer, SqlNode table, SqlIdentifier alias) {
    final SqlWriter.Frame from = writer.startList(SqlWriter.FrameTypeEnum.FROM_LIST);
    table.unparse(writer, SqlJoin.OPERATOR.getLeftPrec() - 1, SqlJoin.OPERATOR.getRightPrec() - 1);
    writer.endList(from);
    if (alias != null) {
      writer.keyword("AS");
      alias.unparse(writer, 0, 0);
    }
  }

  /** MySQL's ORDER BY and LIMIT of UPDATE and DELETE, each when present. */
  public static void orderByLimit(SqlWriter writer, SqlNodeList orderBy, SqlNode limit) {
    if (orderBy != null && !orderBy.isEmpty()) {
      writer.keyword("ORDER BY");
      commaList(writer, orderBy);
    }
    if (limit != null) {
      writer.keyword("LIMIT");
      limit.unparse(writer, 0, 0);
    }
  }

  /** The text of an option value: identifier name or literal value; null for null. */
  public static String optionText(SqlNode value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SqlIdentifier) {
      return ((SqlIdentifier) value).toString();
    }
    if (value instanceof SqlLiteral) {
      return ((SqlLiteral) value).toValue();
    }
    return value.toString();
  }
}
