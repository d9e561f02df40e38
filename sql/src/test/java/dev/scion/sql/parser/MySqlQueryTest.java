package dev.scion.sql.parser;

import dev.scion.sql.parser.dml.SqlMySqlAsOf;
import dev.scion.sql.parser.dml.SqlMySqlLockedQuery;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.scion.sql.parser.ParserFixture.assertFails;
import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SELECT and friends: LIMIT, identifiers, locking clauses, AS OF, CALL, statement lists. */
class MySqlQueryTest {
  @Test void sysbenchQueries() {
    assertEquals("SELECT `c` FROM `sbtest1` WHERE `id` = ?",
        roundTrip("SELECT c FROM sbtest1 WHERE id=?"));
    assertEquals("SELECT DISTINCT `c` FROM `sbtest1` WHERE `id` BETWEEN ? AND ? ORDER BY `c`",
        roundTrip("SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c"));
    roundTrip("SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?");
    roundTrip("SELECT count(k) FROM sbtest1 WHERE k BETWEEN ? AND ? OR k BETWEEN ? AND ?");
  }

  @Test void limits() {
    SqlOrderBy o = parse("SELECT * FROM t LIMIT 10", SqlOrderBy.class);
    assertEquals(10, ((SqlLiteral) o.fetch).intValue(true));
    assertNull(o.offset);
    o = parse("SELECT * FROM t LIMIT 5, 10", SqlOrderBy.class);
    assertEquals(5, ((SqlLiteral) o.offset).intValue(true));
    assertEquals(10, ((SqlLiteral) o.fetch).intValue(true));
    o = parse("SELECT * FROM t LIMIT 10 OFFSET 5", SqlOrderBy.class);
    assertEquals(5, ((SqlLiteral) o.offset).intValue(true));
    assertEquals("SELECT `a` FROM `t` ORDER BY `a` LIMIT ? OFFSET ?",
        roundTrip("SELECT a FROM t ORDER BY a LIMIT ?, ?"));
  }

  @Test void backtickIdentifiers() {
    final SqlSelect s = parse("SELECT `a b`, `x``y` FROM `mydb/feature`.t", SqlSelect.class);
    assertEquals(List.of("mydb/feature", "t"), ((SqlIdentifier) s.getFrom()).names);
    assertEquals("a b", ((SqlIdentifier) s.getSelectList().get(0)).getSimple());
    assertEquals("x`y", ((SqlIdentifier) s.getSelectList().get(1)).getSimple());
    assertEquals("SELECT `a b`, `x``y` FROM `mydb/feature`.`t`",
        roundTrip("SELECT `a b`, `x``y` FROM `mydb/feature`.t"));
  }

  @Test void caseIsPreserved() {
    final SqlSelect s = parse("SELECT MyCol FROM MyTable", SqlSelect.class);
    assertEquals("MyCol", ((SqlIdentifier) s.getSelectList().get(0)).getSimple());
    assertEquals("MyTable", ((SqlIdentifier) s.getFrom()).getSimple());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "name", "status", "value", "year", "date", "time", "timestamp", "text", "comment",
      "data", "user", "position", "language", "role", "type", "level", "hash", "engine",
      "`index`", "`key`", "index", "key", "month", "day", "hour", "minute", "second", "end",
      "start", "new", "enum", "serial", "charset", "mode", "share", "if", "bool",
  })
  void mySqlNonReservedWordsAreIdentifiers(String word) {
    final SqlSelect s = parse("SELECT " + word + ", t." + word + " FROM t WHERE " + word
        + " = 1 AND (" + word + ") IN (" + word + ", 2) ORDER BY " + word, SqlOrderBy.class)
        .query instanceof SqlSelect sel ? sel : null;
    assertTrue(s != null);
    roundTrip("SELECT " + word + " FROM t");
    roundTrip("CREATE TABLE t (" + word + " INT)");
  }

  @Test void briefExample() {
    roundTrip("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), qty INT, status INT,"
        + " value INT)");
    assertEquals("SELECT `name`, `value` FROM `t`", roundTrip("SELECT name, value FROM t"));
  }

  @Test void forUpdate() {
    SqlMySqlLockedQuery q = parse("SELECT * FROM t FOR UPDATE", SqlMySqlLockedQuery.class);
    assertEquals(SqlMySqlLockedQuery.LockMode.FOR_UPDATE, q.getLockMode());
    assertInstanceOf(SqlSelect.class, q.getQuery());
    q = parse("SELECT * FROM t WHERE id = 1 LOCK IN SHARE MODE", SqlMySqlLockedQuery.class);
    assertEquals(SqlMySqlLockedQuery.LockMode.LOCK_IN_SHARE_MODE, q.getLockMode());
    q = parse("SELECT * FROM t WHERE id = 1 FOR SHARE", SqlMySqlLockedQuery.class);
    assertEquals(SqlMySqlLockedQuery.LockMode.FOR_SHARE, q.getLockMode());
    q = parse("SELECT * FROM t ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
        SqlMySqlLockedQuery.class);
    assertInstanceOf(SqlOrderBy.class, q.getQuery());
    assertEquals(SqlMySqlLockedQuery.WaitPolicy.SKIP_LOCKED, q.getWaitPolicy());
    q = parse("SELECT * FROM a JOIN b ON a.x = b.x FOR UPDATE OF a NOWAIT",
        SqlMySqlLockedQuery.class);
    assertEquals(SqlMySqlLockedQuery.WaitPolicy.NOWAIT, q.getWaitPolicy());
    assertEquals(1, q.getOfTables().size());
    assertEquals("SELECT * FROM `t` WHERE `id` = 1 LOCK IN SHARE MODE",
        roundTrip("SELECT * FROM t WHERE id = 1 LOCK IN SHARE MODE"));
    roundTrip("SELECT * FROM t FOR UPDATE");
  }

  @Test void asOf() {
    SqlSelect s = parse("SELECT * FROM t AS OF 'main~1'", SqlSelect.class);
    SqlMySqlAsOf asOf = assertInstanceOf(SqlMySqlAsOf.class, s.getFrom());
    assertEquals("t", ((SqlIdentifier) asOf.getTableRef()).getSimple());
    assertEquals("main~1", ((SqlLiteral) asOf.getPeriod()).getValueAs(String.class));
    assertEquals(SqlKind.SNAPSHOT, asOf.getKind());

    s = parse("SELECT * FROM t AS OF 'main~1' AS a WHERE a.x = 1", SqlSelect.class);
    final SqlCall as = (SqlCall) s.getFrom();
    assertEquals(SqlKind.AS, as.getKind());
    assertInstanceOf(SqlMySqlAsOf.class, as.operand(0));
    assertEquals("a", ((SqlIdentifier) as.operand(1)).getSimple());

    s = parse("SELECT * FROM t AS OF TIMESTAMP '2024-01-01 00:00:00' a", SqlSelect.class);
    asOf = (SqlMySqlAsOf) ((SqlCall) s.getFrom()).operand(0);
    assertEquals(SqlKind.LITERAL, asOf.getPeriod().getKind());

    assertEquals("SELECT * FROM `t` AS OF 'main~1' AS `a` WHERE `a`.`x` = 1",
        roundTrip("SELECT * FROM t AS OF 'main~1' AS a WHERE a.x = 1"));
    roundTrip("SELECT a.x, b.y FROM t AS OF 'main' a JOIN t AS OF 'feature' AS b ON a.id = b.id");
    roundTrip("SELECT * FROM `mydb/feature`.t AS OF HASHOF('main~2')");
    roundTrip("SELECT * FROM t AS OF ?");
    // Calcite's own syntax still works
    assertInstanceOf(SqlSnapshot.class, parse(
        "SELECT * FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01 00:00:00'",
        SqlSelect.class).getFrom());
  }

  @Test void call() {
    final SqlCall c = parse("CALL DOLT_COMMIT('-Am', 'msg')", SqlCall.class);
    assertEquals(SqlKind.PROCEDURE_CALL, c.getKind());
    final SqlCall fn = (SqlCall) c.operand(0);
    assertEquals("DOLT_COMMIT", fn.getOperator().getName());
    assertEquals(2, fn.operandCount());
    roundTrip("CALL DOLT_COMMIT('-Am', 'msg')");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a FROM t t1 LEFT JOIN u ON t1.a = u.a RIGHT JOIN v USING (a) CROSS JOIN w",
      "SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1 LIMIT 3",
      "SELECT * FROM (SELECT a FROM t) AS sub WHERE sub.a > 0",
      "WITH c AS (SELECT 1 AS x) SELECT x FROM c",
      "SELECT a, (SELECT MAX(b) FROM u WHERE u.a = t.a) AS m FROM t WHERE EXISTS"
          + " (SELECT 1 FROM v) AND a IN (1, 2, 3) AND b NOT IN (SELECT c FROM w)",
      "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END FROM t",
      "SELECT COUNT(*), COUNT(DISTINCT a), MAX(b) FROM t GROUP BY f HAVING COUNT(*) > 1",
      "SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) FROM t",
      "SELECT * FROM (VALUES (1, 2), (3, 4)) AS t(a, b)",
      "SELECT a AS 'alias', b \"dq alias\" FROM t",
      "SELECT date, time FROM t WHERE date > DATE '2020-01-01' AND time < TIME '10:00:00'",
      "SELECT 1 -- trailing comment",
  })
  void otherQueries(String sql) {
    roundTrip(sql);
  }

  @Test void statementList() throws SqlParseException {
    final SqlNodeList list = MySqlParser.parseStatements(
        "SELECT 1; INSERT INTO t VALUES (1); UPDATE t SET a = 1 LIMIT 1;");
    assertEquals(3, list.size());
  }

  @Test void explain() {
    final SqlNode n = parse("EXPLAIN SELECT * FROM t WHERE a = 1");
    assertEquals(SqlKind.EXPLAIN, n.getKind());
    assertEquals(SqlKind.EXPLAIN, parse("EXPLAIN FORMAT=JSON UPDATE t SET a = 1").getKind());
    assertEquals(SqlKind.EXPLAIN, parse("EXPLAIN PLAN FOR SELECT 1").getKind());
  }

  @Test void errorsKeepPosition() {
    final SqlParseException e = assertFails("SELECT a FROM t WHERE");
    assertEquals(1, e.getPos().getLineNum());
    assertTrue(e.getPos().getColumnNum() >= 21, e.getMessage());
    final SqlParseException e2 = assertFails("SELECT 1\nFROM t WHERE a = = 2");
    assertEquals(2, e2.getPos().getLineNum());
  }

  @Test void knownUnsupported() {
    // handled by the session-level dispatcher, not by this parser
    assertFails("SELECT @@version_comment LIMIT 1");
    assertFails("SHOW TABLES");
  }

  @Test void lockedQueryOperandsAreTheQuery() {
    final SqlMySqlLockedQuery q = parse("SELECT 1 FOR UPDATE", SqlMySqlLockedQuery.class);
    assertSame(q.getQuery(), q.getOperandList().get(0));
  }
}
