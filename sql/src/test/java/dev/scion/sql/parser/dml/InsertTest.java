package dev.scion.sql.parser.dml;

import dev.scion.sql.parser.MySqlOperators;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.junit.jupiter.api.Test;

import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InsertTest {
  private static SqlMySqlInsert insert(String sql) {
    final SqlMySqlInsert i = parse(sql, SqlMySqlInsert.class);
    roundTrip(sql);
    return i;
  }

  private static SqlCall values(SqlInsert i) {
    assertEquals(SqlKind.VALUES, i.getSource().getKind());
    return (SqlCall) i.getSource();
  }

  @Test void sysbench() {
    final SqlMySqlInsert i = insert("INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)");
    assertInstanceOf(SqlInsert.class, i);
    assertEquals(SqlKind.INSERT, i.getKind());
    assertEquals("sbtest1", ((SqlIdentifier) i.getTargetTable()).getSimple());
    assertEquals(4, i.getTargetColumnList().size());
    assertEquals(1, values(i).operandCount());
    assertEquals(4, ((SqlCall) values(i).operand(0)).operandCount());
    assertFalse(i.isIgnore());
    assertFalse(i.isReplace());
    assertFalse(i.hasOnDuplicateKeyUpdate());
  }

  @Test void multiRowValueAndDefault() {
    SqlMySqlInsert i = insert("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    assertNull(i.getTargetColumnList());
    assertEquals(2, values(i).operandCount());
    i = insert("INSERT INTO t VALUE (1, 'a')");
    assertEquals(1, values(i).operandCount());
    i = insert("INSERT IGNORE INTO t (a, b) VALUES (1, DEFAULT), (DEFAULT, 2)");
    assertTrue(i.isIgnore());
    assertEquals(SqlKind.DEFAULT, ((SqlCall) values(i).operand(0)).operand(1).getKind());
    i = insert("INSERT t VALUES (1)");
    assertEquals("t", ((SqlIdentifier) i.getTargetTable()).getSimple());
    i = insert("INSERT INTO t () VALUES ()");
    assertEquals(0, i.getTargetColumnList().size());
  }

  @Test void select() {
    SqlMySqlInsert i = insert("INSERT INTO t (a, b) SELECT x, y FROM u WHERE x > 1");
    assertInstanceOf(SqlSelect.class, i.getSource());
    i = insert("INSERT INTO t (SELECT * FROM u)");
    assertInstanceOf(SqlSelect.class, i.getSource());
  }

  @Test void set() {
    final SqlMySqlInsert i = insert("INSERT INTO t SET a = 1, b = 'x'");
    assertEquals(2, i.getTargetColumnList().size());
    assertEquals(2, ((SqlCall) values(i).operand(0)).operandCount());
  }

  @Test void onDuplicateKeyUpdate() {
    SqlMySqlInsert i = insert("INSERT INTO t (a, b) VALUES (1, 2)"
        + " ON DUPLICATE KEY UPDATE a = VALUES(a), b = b + 1");
    assertTrue(i.hasOnDuplicateKeyUpdate());
    assertEquals(2, i.getUpdateColumns().size());
    final SqlCall v = (SqlCall) i.getUpdateValues().get(0);
    assertSame(MySqlOperators.VALUES, v.getOperator());
    assertEquals("a", ((SqlIdentifier) v.operand(0)).getSimple());
    assertEquals(SqlKind.PLUS, i.getUpdateValues().get(1).getKind());

    i = insert("INSERT INTO t VALUES (?, ?) ON DUPLICATE KEY UPDATE"
        + " c = IF(VALUES(c) > c, VALUES(`c`), c), d = (SELECT MAX(x) FROM (VALUES (1)) AS q(x))");
    assertEquals(2, i.getUpdateColumns().size());
    i = insert("INSERT INTO t (a) SELECT x FROM u ON DUPLICATE KEY UPDATE a = VALUES(a) + 1");
    assertInstanceOf(SqlSelect.class, i.getSource());
  }

  @Test void rowAlias() {
    SqlMySqlInsert i = insert("INSERT INTO t (a, b) VALUES (1, 2) AS new"
        + " ON DUPLICATE KEY UPDATE b = new.a + new.b");
    assertEquals("new", i.getRowAlias().getSimple());
    assertNull(i.getRowAliasColumns());
    i = insert("INSERT INTO t (a, b) VALUES (1, 2) AS new (m, n) ON DUPLICATE KEY UPDATE b = m + n");
    assertEquals(2, i.getRowAliasColumns().size());
    i = insert("INSERT INTO t SET a = 1 AS new ON DUPLICATE KEY UPDATE a = new.a");
    assertEquals("new", i.getRowAlias().getSimple());
  }

  @Test void replace() {
    SqlMySqlInsert i = insert("REPLACE INTO t VALUES (1, 2)");
    assertTrue(i.isReplace());
    i = insert("REPLACE t (a) SELECT 1");
    assertTrue(i.isReplace());
    i = insert("REPLACE INTO t SET a = 5");
    assertTrue(i.isReplace());
    assertEquals(1, i.getTargetColumnList().size());
    i = insert("REPLACE LOW_PRIORITY INTO t VALUE (1)");
    assertTrue(i.isReplace());
  }

  @Test void escapedStrings() {
    final SqlMySqlInsert i = insert("INSERT INTO sbtest1 (id, k, c, pad) VALUES"
        + " (0, 5, 'abc', 'def'), (0, 6, 'x\\'y', \"z\")");
    assertEquals(2, values(i).operandCount());
  }

  @Test void shuttleKeepsMySqlParts() {
    final SqlMySqlInsert i = parse("INSERT IGNORE INTO t (a) VALUES (1) AS n"
        + " ON DUPLICATE KEY UPDATE a = n.a + 1", SqlMySqlInsert.class);
    final SqlNode copy = i.accept(new SqlShuttle() {
      @Override public SqlNode visit(SqlIdentifier id) {
        return new SqlIdentifier(id.names, id.getParserPosition()); // force a copy
      }
    });
    final SqlMySqlInsert c = assertInstanceOf(SqlMySqlInsert.class, copy);
    assertTrue(c.isIgnore());
    assertEquals("n", c.getRowAlias().getSimple());
    assertEquals(1, c.getUpdateColumns().size());
  }

  @Test void largeMultiRowInsert() {
    final StringBuilder b = new StringBuilder("INSERT INTO sbtest1(k, c, pad) VALUES");
    for (int r = 0; r < 2000; r++) {
      b.append(r == 0 ? "" : ",").append("(").append(r)
          .append(", '83868641912-28773972837-60736120486-75162659906-27563526494',"
              + " '67847967377-48000963322-62604785301-91415491898-96926520291')");
    }
    final SqlMySqlInsert i = parse(b.toString(), SqlMySqlInsert.class);
    assertEquals(2000, values(i).operandCount());
  }
}
