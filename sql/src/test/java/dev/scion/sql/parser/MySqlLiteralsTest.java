package dev.scion.sql.parser;

import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** MySQL string, hex and bit literals. */
class MySqlLiteralsTest {
  private static SqlNode item(String expr) {
    final SqlSelect select = parse("SELECT " + expr, SqlSelect.class);
    return select.getSelectList().get(0);
  }

  private static String stringValue(String expr) {
    return assertInstanceOf(SqlCharStringLiteral.class, item(expr), expr)
        .getValueAs(String.class);
  }

  @Test void singleAndDoubleQuoted() {
    assertEquals("abc", stringValue("'abc'"));
    assertEquals("abc", stringValue("\"abc\""));
    assertEquals("", stringValue("''"));
    assertEquals("", stringValue("\"\""));
  }

  @Test void doubledQuotes() {
    assertEquals("it's", stringValue("'it''s'"));
    assertEquals("say \"hi\"", stringValue("\"say \"\"hi\"\"\""));
    assertEquals("it''s", stringValue("\"it''s\""));
    assertEquals("a\"\"b", stringValue("'a\"\"b'"));
  }

  @Test void backslashEscapes() {
    assertEquals("it's", stringValue("'it\\'s'"));
    assertEquals("say \"hi\"", stringValue("\"say \\\"hi\\\"\""));
    assertEquals("a\nb\tc\rd", stringValue("'a\\nb\\tc\\rd'"));
    assertEquals("\\", stringValue("'\\\\'"));
    assertEquals("\0", stringValue("'\\0'"));
    assertEquals("\u001A", stringValue("'\\Z'"));
    assertEquals("\b", stringValue("'\\b'"));
    assertEquals("x", stringValue("'\\x'"));
    // \% and \_ keep their backslash (LIKE patterns)
    assertEquals("\\%\\_", stringValue("'\\%\\_'"));
    assertEquals("'", stringValue("'\\''"));
    assertEquals("'", stringValue("\"'\""));
  }

  @Test void escapedQuoteFollowedByMoreStrings() {
    // mysqldump style: a string ending in \' followed by other strings on the same line
    final SqlSelect s = parse("SELECT REPLACE(a, '\\'', ''), 'x', \"y\\\"\", 'z' FROM t",
        SqlSelect.class);
    assertEquals(4, s.getSelectList().size());
    assertEquals("y\"", ((SqlLiteral) s.getSelectList().get(2)).getValueAs(String.class));
  }

  @Test void introducersReadTheLiteralInTheirCharacterSet() {
    assertEquals("x", stringValue("_utf8mb4'x'"));
    assertEquals("it's", stringValue("_latin1\"it\\'s\""));
    assertEquals("\u00e9", stringValue("_latin1 X'E9'"));
    assertEquals("ab", stringValue("_utf16 0x00610062"));
    // _binary makes a binary string
    assertInstanceOf(org.apache.calcite.sql.SqlBinaryStringLiteral.class, item("_binary 'y'"));
  }

  @Test void adjacentStringsConcatenate() {
    assertEquals("'a' 'b'", ParserFixture.unparse(item("'a' 'b'")));
  }

  @ParameterizedTest
  @CsvSource({
      "x'AF', AF",
      "X'0a', 0A",
      "0xAF, AF",
      "0xA, 0A",
      "b'0101', 05",
      "B'100000001', 0101",
      "0b11, 03",
  })
  void hexAndBitLiterals(String expr, String hex) {
    final SqlBinaryStringLiteral lit = assertInstanceOf(SqlBinaryStringLiteral.class,
        item(expr));
    assertEquals(hex, lit.getValueAs(org.apache.calcite.util.BitString.class).toHexString()
        .toUpperCase(java.util.Locale.ROOT));
  }

  @Test void booleansAndNumbers() {
    assertEquals("SELECT TRUE, FALSE, NULL, -1, 2, 1.5E3, 0.5",
        roundTrip("SELECT TRUE, FALSE, NULL, -1, +2, 1.5e3, .5"));
  }

  @Test void unparseEscapesForMySql() {
    assertEquals("SELECT 'it''s', 'a\\\\b', '\\0'",
        roundTrip("SELECT \"it's\", 'a\\\\b', '\\0'"));
  }

  @Test void literalHelpers() {
    assertEquals("'a''b'", MySqlLiterals.toStandardQuoted("\"a'b\""));
    assertEquals("X'0F'", MySqlLiterals.hexToBinaryLiteral("0xF"));
    assertEquals("X''", MySqlLiterals.bitsToBinaryLiteral("b''"));
  }
}
