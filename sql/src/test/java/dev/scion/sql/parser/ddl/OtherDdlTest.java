package dev.scion.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DROP / TRUNCATE / RENAME TABLE, CREATE / DROP INDEX, DATABASE, VIEW. */
class OtherDdlTest {
  @Test void dropTable() {
    SqlDropMySqlTable d = parse("DROP TABLE IF EXISTS sbtest1", SqlDropMySqlTable.class);
    assertTrue(d.isIfExists());
    assertEquals("sbtest1", d.getNames().get(0).getSimple());
    d = parse("DROP TABLE t1, t2, `db`.t3 CASCADE", SqlDropMySqlTable.class);
    assertFalse(d.isIfExists());
    assertEquals(3, d.getNames().size());
    assertEquals(List.of("db", "t3"), d.getNames().get(2).names);
    assertTrue(parse("DROP TEMPORARY TABLE x", SqlDropMySqlTable.class).isTemporary());
    assertEquals(SqlKind.DROP_TABLE, d.getKind());
    assertEquals("DROP TABLE IF EXISTS `a`, `b`", roundTrip("DROP TABLE IF EXISTS a, b"));
  }

  @Test void truncateAndRename() {
    assertEquals("t1", parse("TRUNCATE TABLE t1", SqlTruncateMySqlTable.class)
        .getName().getSimple());
    assertEquals("t1", parse("TRUNCATE t1", SqlTruncateMySqlTable.class).getName().getSimple());
    roundTrip("TRUNCATE t1");
    final SqlRenameMySqlTable r = parse("RENAME TABLE a TO b, c TO d", SqlRenameMySqlTable.class);
    assertEquals("c", r.getFrom().get(1).getSimple());
    assertEquals("d", r.getTo().get(1).getSimple());
    assertEquals("RENAME TABLE `a` TO `b`, `c` TO `d`", roundTrip("RENAME TABLE a TO b, c TO d"));
  }

  @Test void createIndex() {
    SqlCreateMySqlIndex i = parse("CREATE INDEX k_1 ON sbtest1(k)", SqlCreateMySqlIndex.class);
    assertEquals("k_1", i.getName().getSimple());
    assertEquals("sbtest1", i.getTable().getSimple());
    assertEquals("k", i.getIndex().getParts().get(0).getColumn().getSimple());
    assertFalse(i.isUnique());
    i = parse("CREATE UNIQUE INDEX ux ON t (a, b DESC) USING BTREE", SqlCreateMySqlIndex.class);
    assertTrue(i.isUnique());
    assertEquals("BTREE", i.getIndex().getUsing());
    assertEquals(Boolean.TRUE, i.getIndex().getParts().get(1).getDescending());
    i = parse("CREATE INDEX ix USING HASH ON t (a(10)) COMMENT 'x' ALGORITHM=INPLACE LOCK=NONE",
        SqlCreateMySqlIndex.class);
    assertEquals("HASH", i.getIndex().getUsing());
    assertEquals(10, i.getIndex().getParts().get(0).getPrefixLength());
    assertEquals(SqlKind.CREATE_INDEX, i.getKind());
    roundTrip("CREATE UNIQUE INDEX ux ON t (a, b DESC) USING BTREE");
    roundTrip("CREATE INDEX k_1 ON sbtest1(k)");
  }

  @Test void dropIndex() {
    SqlDropMySqlIndex d = parse("DROP INDEX ix ON t", SqlDropMySqlIndex.class);
    assertEquals("ix", d.getName().getSimple());
    assertEquals("t", d.getTable().getSimple());
    d = parse("DROP INDEX `PRIMARY` ON db.t ALGORITHM = INPLACE", SqlDropMySqlIndex.class);
    assertEquals("PRIMARY", d.getName().getSimple());
    roundTrip("DROP INDEX ix ON t");
  }

  @Test void databases() {
    SqlCreateMySqlDatabase c = parse("CREATE DATABASE db1", SqlCreateMySqlDatabase.class);
    assertFalse(c.isIfNotExists());
    c = parse("CREATE DATABASE IF NOT EXISTS `mydb/feature` DEFAULT CHARACTER SET utf8mb4"
        + " COLLATE utf8mb4_bin", SqlCreateMySqlDatabase.class);
    assertTrue(c.isIfNotExists());
    assertEquals("mydb/feature", c.getName().getSimple());
    assertEquals("utf8mb4", c.getOption("CHARSET"));
    assertEquals("utf8mb4_bin", c.getOption("COLLATE"));
    c = parse("CREATE SCHEMA s1 CHARSET = latin1", SqlCreateMySqlDatabase.class);
    assertEquals("latin1", c.getOption("CHARSET"));
    roundTrip("CREATE DATABASE IF NOT EXISTS `mydb/feature` DEFAULT CHARACTER SET utf8mb4");

    SqlDropMySqlDatabase d = parse("DROP DATABASE db1", SqlDropMySqlDatabase.class);
    assertFalse(d.isIfExists());
    d = parse("DROP SCHEMA IF EXISTS `mydb/feature`", SqlDropMySqlDatabase.class);
    assertTrue(d.isIfExists());
    assertEquals("mydb/feature", d.getName().getSimple());
    roundTrip("DROP SCHEMA IF EXISTS `mydb/feature`");
  }

  @Test void views() {
    SqlCreateMySqlView v = parse("CREATE VIEW v AS SELECT a FROM t", SqlCreateMySqlView.class);
    assertFalse(v.getReplace());
    assertNull(v.getColumnList());
    assertInstanceOf(SqlSelect.class, v.getQuery());
    v = parse("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t WHERE a > 1",
        SqlCreateMySqlView.class);
    assertTrue(v.getReplace());
    assertEquals(2, v.getColumnList().size());
    roundTrip("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t WHERE a > 1");
    roundTrip("CREATE ALGORITHM = MERGE VIEW v AS SELECT 1 WITH CHECK OPTION");

    SqlDropMySqlView d = parse("DROP VIEW v", SqlDropMySqlView.class);
    assertFalse(d.isIfExists());
    d = parse("DROP VIEW IF EXISTS v1, v2", SqlDropMySqlView.class);
    assertTrue(d.isIfExists());
    assertEquals(2, d.getNames().size());
    roundTrip("DROP VIEW IF EXISTS v1, v2");
  }
}
