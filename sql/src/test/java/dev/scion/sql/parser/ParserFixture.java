package dev.scion.sql.parser;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared helpers for parser tests. */
public final class ParserFixture {
  private ParserFixture() {}

  /** Parses one statement, failing the test with the parser's message if it does not parse. */
  public static SqlNode parse(String sql) {
    try {
      return MySqlParser.parseStatement(sql);
    } catch (SqlParseException e) {
      throw new AssertionError("does not parse: " + sql + "\n" + e.getMessage(), e);
    }
  }

  /** Parses and checks the node type. */
  public static <T extends SqlNode> T parse(String sql, Class<T> type) {
    return assertInstanceOf(type, parse(sql), sql);
  }

  /** MySQL text of a node, on one line. */
  public static String unparse(SqlNode node) {
    return MySqlParser.unparse(node).replaceAll("\\s+", " ").trim();
  }

  /**
   * Parses, unparses, re-parses and unparses again: the two unparsed texts must agree (the
   * unparsed text is valid input with the same meaning). Returns the unparsed text.
   */
  public static String roundTrip(String sql) {
    final String once = unparse(parse(sql));
    final String twice = unparse(parse(once));
    assertEquals(once, twice, "round trip of: " + sql);
    return once;
  }

  /** Asserts that the text does not parse. */
  public static SqlParseException assertFails(String sql) {
    try {
      SqlNode n = MySqlParser.parseStatement(sql);
      fail("expected a parse error for: " + sql + " but got " + n);
      return null;
    } catch (SqlParseException e) {
      return e;
    }
  }
}
