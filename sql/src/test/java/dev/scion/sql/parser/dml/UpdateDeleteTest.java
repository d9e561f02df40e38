package dev.scion.sql.parser.dml;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateDeleteTest {
  @Test void sysbenchUpdates() {
    SqlMySqlUpdate u = parse("UPDATE sbtest1 SET k=k+1 WHERE id=?", SqlMySqlUpdate.class);
    assertInstanceOf(SqlUpdate.class, u);
    assertEquals(SqlKind.UPDATE, u.getKind());
    assertEquals("sbtest1", ((SqlIdentifier) u.getTargetTable()).getSimple());
    assertEquals("k", ((SqlIdentifier) u.getTargetColumnList().get(0)).getSimple());
    assertEquals(SqlKind.PLUS, u.getSourceExpressionList().get(0).getKind());
    assertEquals(SqlKind.EQUALS, u.getCondition().getKind());
    assertNull(u.getOrderBy());
    assertNull(u.getLimit());
    assertFalse(u.isMultiTable());
    assertEquals("UPDATE `sbtest1` SET `k` = `k` + 1 WHERE `id` = ?",
        roundTrip("UPDATE sbtest1 SET k=k+1 WHERE id=?"));
    roundTrip("UPDATE sbtest1 SET c=? WHERE id=?");
  }

  @Test void updateOrderByLimit() {
    final SqlMySqlUpdate u = parse("UPDATE t SET a = 1, b = DEFAULT WHERE b = 2"
        + " ORDER BY c DESC LIMIT 10", SqlMySqlUpdate.class);
    assertEquals(1, u.getOrderBy().size());
    assertEquals(10, ((SqlLiteral) u.getLimit()).intValue(true));
    assertEquals(SqlKind.DEFAULT, u.getSourceExpressionList().get(1).getKind());
    roundTrip("UPDATE t SET a = 1 WHERE b = 2 ORDER BY c DESC LIMIT 10");
    final SqlMySqlUpdate u2 = parse("UPDATE LOW_PRIORITY IGNORE t AS x SET x.a = 1 LIMIT ?",
        SqlMySqlUpdate.class);
    assertTrue(u2.isIgnore());
    assertEquals("x", u2.getAlias().getSimple());
    assertEquals(SqlKind.DYNAMIC_PARAM, u2.getLimit().getKind());
    roundTrip("UPDATE LOW_PRIORITY IGNORE t AS x SET x.a = 1 LIMIT ?");
  }

  @Test void multiTableUpdate() {
    SqlMySqlUpdate u = parse("UPDATE a JOIN b ON a.id = b.id SET a.x = b.y WHERE b.z > 0",
        SqlMySqlUpdate.class);
    assertTrue(u.isMultiTable());
    assertInstanceOf(SqlJoin.class, u.getTargetTable());
    roundTrip("UPDATE a JOIN b ON a.id = b.id SET a.x = b.y WHERE b.z > 0");
    u = parse("UPDATE a, b SET a.x = b.y WHERE a.id = b.id", SqlMySqlUpdate.class);
    assertTrue(u.isMultiTable());
    roundTrip("UPDATE a, b SET a.x = b.y WHERE a.id = b.id");
  }

  @Test void sysbenchDelete() {
    final SqlMySqlDelete d = parse("DELETE FROM sbtest1 WHERE id=?", SqlMySqlDelete.class);
    assertEquals(SqlKind.DELETE, d.getKind());
    assertEquals("sbtest1", ((SqlIdentifier) d.getTargetTable()).getSimple());
    assertFalse(d.isMultiTable());
    assertEquals("DELETE FROM `sbtest1` WHERE `id` = ?",
        roundTrip("DELETE FROM sbtest1 WHERE id=?"));
  }

  @Test void deleteOrderByLimit() {
    SqlMySqlDelete d = parse("DELETE FROM t WHERE a = 1 ORDER BY id LIMIT 5",
        SqlMySqlDelete.class);
    assertEquals(1, d.getOrderBy().size());
    assertEquals(5, ((SqlLiteral) d.getLimit()).intValue(true));
    roundTrip("DELETE FROM t WHERE a = 1 ORDER BY id LIMIT 5");
    d = parse("DELETE FROM t LIMIT 1", SqlMySqlDelete.class);
    assertNull(d.getCondition());
    d = parse("DELETE LOW_PRIORITY QUICK IGNORE FROM t AS x WHERE x.a = 1", SqlMySqlDelete.class);
    assertTrue(d.isIgnore());
    assertEquals("x", d.getAlias().getSimple());
    roundTrip("DELETE QUICK IGNORE FROM t AS x WHERE x.a = 1");
  }

  @Test void multiTableDelete() {
    SqlMySqlDelete d = parse("DELETE a FROM a JOIN b ON a.id = b.id WHERE b.x = 1",
        SqlMySqlDelete.class);
    assertTrue(d.isMultiTable());
    assertEquals(1, d.getTargets().size());
    assertInstanceOf(SqlJoin.class, d.getTargetTable());
    roundTrip("DELETE a FROM a JOIN b ON a.id = b.id WHERE b.x = 1");
    d = parse("DELETE a, b FROM a INNER JOIN b ON a.id = b.id", SqlMySqlDelete.class);
    assertEquals(2, d.getTargets().size());
    d = parse("DELETE FROM a USING a JOIN b ON a.id = b.id WHERE b.x = 1", SqlMySqlDelete.class);
    assertEquals(1, d.getTargets().size());
    assertInstanceOf(SqlJoin.class, d.getTargetTable());
    roundTrip("DELETE FROM a USING a JOIN b ON a.id = b.id WHERE b.x = 1");
  }
}
