package dev.scion.sql.parser;

import static dev.scion.sql.parser.ParserFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

/**
 * SELECT modifiers (SQL_CALC_FOUND_ROWS, SQL_NO_CACHE, ...) and index hints are accepted and dropped; GROUP BY
 * ... WITH ROLLUP becomes Calcite's ROLLUP grouping.
 */
class MySqlSelectModifierTest {
  @Test void calcFoundRowsIsAModifierNotAnAlias() {
    final SqlSelect s = parse("SELECT SQL_CALC_FOUND_ROWS a FROM t", SqlSelect.class);
    assertEquals(1, s.getSelectList().size());
    final SqlIdentifier a = assertInstanceOf(SqlIdentifier.class, s.getSelectList().get(0));
    assertEquals("a", a.getSimple());
  }

  @Test void severalModifiersBeforeTheSelectList() {
    final SqlSelect s = parse("SELECT HIGH_PRIORITY STRAIGHT_JOIN SQL_NO_CACHE SQL_BIG_RESULT a, b FROM t",
        SqlSelect.class);
    assertEquals(2, s.getSelectList().size());
  }

  @Test void distinctAfterModifiers() {
    final SqlSelect s = parse("SELECT SQL_NO_CACHE DISTINCT a FROM t", SqlSelect.class);
    assertTrue(s.isDistinct());
  }

  @Test void columnsNamedLikeAModifierStillWork() {
    final SqlSelect s = parse("SELECT sql_cache, x FROM t", SqlSelect.class);
    assertEquals(2, s.getSelectList().size());
  }

  @Test void indexHintsWithAndWithoutAlias() {
    final SqlSelect plain = parse("SELECT a FROM t USE INDEX (i1, i2) WHERE a = 1", SqlSelect.class);
    assertEquals("t", ((SqlIdentifier) plain.getFrom()).getSimple());
    final SqlSelect aliased = parse("SELECT x.a FROM t AS x FORCE INDEX FOR JOIN (PRIMARY) IGNORE KEY (k)",
        SqlSelect.class);
    assertEquals(SqlKind.AS, ((SqlBasicCall) aliased.getFrom()).getKind());
    final SqlSelect joined = parse("SELECT * FROM a IGNORE INDEX FOR ORDER BY (i) JOIN b USE INDEX () ON a.id = b.id",
        SqlSelect.class);
    assertInstanceOf(SqlJoin.class, joined.getFrom());
  }

  @Test void withRollupIsCalcitesRollup() {
    final SqlSelect s = parse("SELECT a, b, SUM(c) FROM t GROUP BY a, b WITH ROLLUP", SqlSelect.class);
    assertEquals(1, s.getGroup().size());
    final SqlBasicCall rollup = assertInstanceOf(SqlBasicCall.class, s.getGroup().get(0));
    assertEquals(SqlKind.ROLLUP, rollup.getKind());
    assertEquals(2, rollup.operandCount());
    final SqlSelect plain = parse("SELECT a FROM t GROUP BY a", SqlSelect.class);
    assertInstanceOf(SqlIdentifier.class, plain.getGroup().get(0));
  }

  @Test void unfinishedIndexHintIsASyntaxError() {
    assertThrows(SqlParseException.class, () -> MySqlParser.parseStatement("SELECT a FROM t USE INDEX (i"));
  }
}
