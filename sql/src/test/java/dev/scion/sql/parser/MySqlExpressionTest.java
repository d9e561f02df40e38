package dev.scion.sql.parser;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static dev.scion.sql.parser.ParserFixture.unparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Operators and functions MySQL has and Calcite spells differently (or not at all). */
class MySqlExpressionTest {
  private static SqlNode expr(String e) {
    return parse("SELECT " + e + " FROM t", SqlSelect.class).getSelectList().get(0);
  }

  private static SqlCall call(String e) {
    return assertInstanceOf(SqlCall.class, expr(e), e);
  }

  @Test void pipesAreOrAndAmpersandsAreAnd() {
    final SqlCall c = call("a = 1 || b = 2 && c = 3");
    assertSame(SqlStdOperatorTable.OR, c.getOperator());
    assertSame(SqlStdOperatorTable.AND, ((SqlCall) c.operand(1)).getOperator());
    assertSame(SqlStdOperatorTable.EQUALS, ((SqlCall) c.operand(0)).getOperator());
  }

  @Test void xorBindsLooserThanAnd() {
    final SqlCall xor = call("a XOR b AND c");
    assertSame(MySqlOperators.XOR, xor.getOperator());
    assertSame(SqlStdOperatorTable.AND, ((SqlCall) xor.operand(1)).getOperator());
    assertSame(MySqlOperators.XOR, call("NOT a XOR b").getOperator());
  }

  @Test void xorBindsTighterThanOr() {
    final SqlCall right = call("a OR b XOR c");
    assertSame(SqlStdOperatorTable.OR, right.getOperator());
    assertSame(MySqlOperators.XOR, ((SqlCall) right.operand(1)).getOperator());
    final SqlCall left = call("a XOR b OR c");
    assertSame(SqlStdOperatorTable.OR, left.getOperator());
    assertSame(MySqlOperators.XOR, ((SqlCall) left.operand(0)).getOperator());
    final SqlCall and = call("a AND b XOR c");
    assertSame(MySqlOperators.XOR, and.getOperator());
    assertSame(SqlStdOperatorTable.AND, ((SqlCall) and.operand(0)).getOperator());
  }

  @Test void divModAndPercent() {
    final SqlCall div = call("1 + 7 DIV 2");
    assertSame(MySqlOperators.DIV, ((SqlCall) div.operand(1)).getOperator());
    assertSame(SqlStdOperatorTable.PERCENT_REMAINDER, call("a MOD b").getOperator());
    assertSame(SqlStdOperatorTable.PERCENT_REMAINDER, call("a % b").getOperator());
    assertEquals(SqlStdOperatorTable.MOD.getName(), call("MOD(a, b)").getOperator().getName());
  }

  @Test void bangIsNot() {
    final SqlCall c = call("!a = b");
    // ! binds tighter than =
    assertSame(SqlStdOperatorTable.EQUALS, c.getOperator());
    assertSame(SqlStdOperatorTable.NOT, ((SqlCall) c.operand(0)).getOperator());
    assertSame(SqlStdOperatorTable.NOT, call("!(a = b)").getOperator());
    assertSame(SqlStdOperatorTable.NOT_EQUALS, call("a != b").getOperator());
  }

  @Test void nullSafeEquals() {
    assertSame(SqlStdOperatorTable.IS_NOT_DISTINCT_FROM, call("a <=> b").getOperator());
    assertEquals("SELECT `a` <=> NULL FROM `t`", roundTrip("SELECT a <=> NULL FROM t"));
  }

  @Test void regexp() {
    assertSame(SqlLibraryOperators.RLIKE, call("a REGEXP '^x'").getOperator());
    assertSame(SqlLibraryOperators.NOT_RLIKE, call("a NOT REGEXP '^x'").getOperator());
    assertSame(SqlLibraryOperators.RLIKE, call("a RLIKE '^x'").getOperator());
  }

  @ParameterizedTest
  @CsvSource({
      "a IS TRUE, IS TRUE",
      "a IS NOT TRUE, IS NOT TRUE",
      "a IS FALSE, IS FALSE",
      "a IS NOT FALSE, IS NOT FALSE",
      "a IS UNKNOWN, IS UNKNOWN",
      "a IS NOT UNKNOWN, IS NOT UNKNOWN",
      "a IS NULL, IS NULL",
  })
  void isTruthValue(String e, String operator) {
    assertEquals(operator, call(e).getOperator().getName());
    roundTrip("SELECT " + e + " FROM t");
  }

  @Test void intervals() {
    assertEquals("SELECT DATE_ADD(`d`, INTERVAL 1 DAY), DATE_SUB(`d`, INTERVAL `n` DAY),"
            + " DATE_ADD(NOW(), INTERVAL (?) HOUR), `d` - INTERVAL '2' MONTH FROM `t`",
        roundTrip("SELECT DATE_ADD(d, INTERVAL 1 DAY), DATE_SUB(d, INTERVAL n DAY),"
            + " DATE_ADD(NOW(), INTERVAL ? HOUR), d - INTERVAL '2' MONTH FROM t"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CAST(x AS SIGNED)|CAST(`x` AS SIGNED)",
      "CAST(x AS SIGNED INTEGER)|CAST(`x` AS SIGNED)",
      "CAST(x AS UNSIGNED)|CAST(`x` AS UNSIGNED)",
      "CAST(x AS UNSIGNED INT)|CAST(`x` AS UNSIGNED)",
      "CAST(x AS CHAR(10))|CAST(`x` AS CHAR(10))",
      "CAST(x AS CHAR)|CAST(`x` AS CHAR)",
      "CAST(x AS DECIMAL(10,2))|CAST(`x` AS DECIMAL(10, 2))",
      "CAST(x AS DATE)|CAST(`x` AS DATE)",
      "CAST(x AS DATETIME)|CAST(`x` AS DATETIME)",
      "CAST(x AS DATETIME(6))|CAST(`x` AS DATETIME(6))",
      "CAST(x AS TIME)|CAST(`x` AS TIME)",
      "CAST(x AS JSON)|CAST(`x` AS JSON)",
      "CAST(x AS BINARY)|CAST(`x` AS BINARY)",
      "CAST(x AS DOUBLE)|CAST(`x` AS DOUBLE)",
      "CONVERT(x, SIGNED)|CAST(`x` AS SIGNED)",
      "CONVERT(x, CHAR(3))|CAST(`x` AS CHAR(3))",
      "CONVERT(x, DECIMAL(5,1))|CAST(`x` AS DECIMAL(5, 1))",
      "CONVERT(x USING utf8mb4)|CONVERT(`x` USING `utf8mb4`)",
  })
  void castAndConvert(String e, String expected) {
    assertEquals("SELECT " + expected + " FROM `t`", roundTrip("SELECT " + e + " FROM t"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "IF(a, b, c)", "DATABASE()", "SCHEMA()", "USER()", "LEFT(s, 2)", "RIGHT(s, 3)",
      "REPLACE(s, 'a', 'b')", "MOD(a, b)", "TRUNCATE(x, 2)", "CHAR(65)", "COMMIT('-m', 'msg')",
      "MERGE('feature')", "DOLT_COMMIT('-am', 'x')", "HASHOF('main')", "NOW()", "VERSION()",
      "CONCAT(a, b)", "IFNULL(a, 0)", "COALESCE(a, b)", "NULLIF(a, b)", "DATE_FORMAT(d, '%Y')",
      "LOCATE('a', s)", "UNIX_TIMESTAMP()", "year(d)", "month(d)", "day(d)", "hour(d)",
      "CURRENT_TIMESTAMP(3)", "JSON_EXTRACT(j, '$.a')",
  })
  void functionsWhoseNamesAreKeywords(String e) {
    final SqlCall c = call(e);
    final String name = e.substring(0, e.indexOf('('));
    assertEquals(name.toUpperCase(java.util.Locale.ROOT),
        c.getOperator().getName().toUpperCase(java.util.Locale.ROOT), e);
    // unparsed unquoted, so MySQL sees the built-in function rather than a stored one
    final String sql = roundTrip("SELECT " + e + " FROM t");
    assertEquals(name.toUpperCase(java.util.Locale.ROOT),
        sql.substring(7, 7 + name.length()).toUpperCase(java.util.Locale.ROOT), sql);
  }

  @Test void commitExpressionAlone() {
    final SqlCall c = call("COMMIT ('-m', 'x')");
    assertEquals("COMMIT", c.getOperator().getName());
    assertEquals(2, c.operandCount());
    assertEquals("SELECT COMMIT('-m', 'x')", roundTrip("SELECT COMMIT('-m','x')"));
  }

  @Test void currentUser() {
    assertSame(SqlStdOperatorTable.CURRENT_USER, call("CURRENT_USER()").getOperator());
    assertEquals("SELECT CURRENT_USER, CURRENT_USER", roundTrip("SELECT CURRENT_USER(), CURRENT_USER"));
  }

  @Test void groupConcatSeparator() {
    assertEquals("SELECT GROUP_CONCAT(`x` ORDER BY `y` SEPARATOR ',') FROM `t` GROUP BY `z`",
        roundTrip("SELECT GROUP_CONCAT(x ORDER BY y SEPARATOR ',') FROM t GROUP BY z"));
  }

  @Test void jsonArrows() {
    assertSame(MySqlOperators.JSON_EXTRACT_ARROW, call("j->'$.a'").getOperator());
    assertSame(MySqlOperators.JSON_UNQUOTE_EXTRACT_ARROW, call("j->>'$.a'").getOperator());
  }

  @Test void collate() {
    final SqlCall c = call("a = 'x' COLLATE utf8mb4_bin");
    assertSame(MySqlOperators.COLLATE, ((SqlBasicCall) c.operand(1)).getOperator());
  }

  @Test void betweenUnparsesWithoutAsymmetric() {
    assertEquals("SELECT `c` FROM `t` WHERE `id` BETWEEN ? AND ? AND `k` NOT BETWEEN 1 AND 2",
        roundTrip("SELECT c FROM t WHERE id BETWEEN ? AND ? AND k NOT BETWEEN 1 AND 2"));
  }

  @Test void expressionEntryPoint() throws Exception {
    assertEquals("`a` + 1", unparse(MySqlParser.parseExpression("a + 1")));
  }
}
