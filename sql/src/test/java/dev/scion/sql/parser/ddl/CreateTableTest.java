package dev.scion.sql.parser.ddl;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreateTableTest {
  private static SqlMySqlColumn column(String def) {
    final SqlCreateMySqlTable t = parse("CREATE TABLE t (" + def + ")", SqlCreateMySqlTable.class);
    assertEquals(1, t.getColumns().size(), def);
    roundTrip("CREATE TABLE t (" + def + ")");
    return t.getColumns().get(0);
  }

  private static SqlMySqlDataType type(String type) {
    return column("c " + type).getType();
  }

  @Test void sysbench() {
    final SqlCreateMySqlTable t = parse("CREATE TABLE sbtest1(id INTEGER NOT NULL AUTO_INCREMENT,"
        + " k INTEGER DEFAULT '0' NOT NULL, c CHAR(120) DEFAULT '' NOT NULL,"
        + " pad CHAR(60) DEFAULT '' NOT NULL, PRIMARY KEY (id)) /*! ENGINE = innodb */",
        SqlCreateMySqlTable.class);
    assertEquals("sbtest1", t.getName().getSimple());
    assertEquals(4, t.getColumns().size());
    final SqlMySqlColumn id = t.getColumns().get(0);
    assertTrue(id.isAutoIncrement());
    assertEquals(Boolean.FALSE, id.getNullable());
    final SqlMySqlColumn k = t.getColumns().get(1);
    assertEquals("0", ((SqlLiteral) k.getDefaultValue()).getValueAs(String.class));
    assertEquals(Boolean.FALSE, k.getNullable());
    assertEquals("CHAR", t.getColumns().get(2).getType().getTypeName());
    assertEquals(120, t.getColumns().get(2).getType().getPrecision());
    assertEquals(List.of("id"), t.getPrimaryKeyColumns());
    assertEquals(1, t.getIndexes().size());
    assertEquals(SqlMySqlIndex.Kind.PRIMARY, t.getIndexes().get(0).getIndexKind());
    assertEquals(SqlKind.CREATE_TABLE, t.getKind());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INT|INT|-1|-1|false|false|INTEGER",
      "INTEGER|INTEGER|-1|-1|false|false|INTEGER",
      "INT(11)|INT|11|-1|false|false|INTEGER",
      "INT(10) UNSIGNED|INT|10|-1|true|false|UINTEGER",
      "INT UNSIGNED ZEROFILL|INT|-1|-1|true|true|UINTEGER",
      "TINYINT(1)|TINYINT|1|-1|false|false|TINYINT",
      "SMALLINT UNSIGNED|SMALLINT|-1|-1|true|false|USMALLINT",
      "MEDIUMINT|MEDIUMINT|-1|-1|false|false|INTEGER",
      "BIGINT(20) UNSIGNED|BIGINT|20|-1|true|false|UBIGINT",
      "DECIMAL(10,2)|DECIMAL|10|2|false|false|DECIMAL",
      "DECIMAL(10)|DECIMAL|10|-1|false|false|DECIMAL",
      "NUMERIC(5,1)|NUMERIC|5|1|false|false|DECIMAL",
      "FLOAT|FLOAT|-1|-1|false|false|REAL",
      "FLOAT(7,3) UNSIGNED|FLOAT|7|3|true|false|REAL",
      "DOUBLE|DOUBLE|-1|-1|false|false|DOUBLE",
      "DOUBLE PRECISION|DOUBLE|-1|-1|false|false|DOUBLE",
      "REAL|REAL|-1|-1|false|false|DOUBLE",
      "BOOL|BOOL|-1|-1|false|false|BOOLEAN",
      "BOOLEAN|BOOLEAN|-1|-1|false|false|BOOLEAN",
      "CHAR(10)|CHAR|10|-1|false|false|CHAR",
      "VARCHAR(255)|VARCHAR|255|-1|false|false|VARCHAR",
      "BINARY(16)|BINARY|16|-1|false|false|BINARY",
      "VARBINARY(255)|VARBINARY|255|-1|false|false|VARBINARY",
      "TINYTEXT|TINYTEXT|-1|-1|false|false|VARCHAR",
      "TEXT|TEXT|-1|-1|false|false|VARCHAR",
      "MEDIUMTEXT|MEDIUMTEXT|-1|-1|false|false|VARCHAR",
      "LONGTEXT|LONGTEXT|-1|-1|false|false|VARCHAR",
      "TINYBLOB|TINYBLOB|-1|-1|false|false|VARBINARY",
      "BLOB|BLOB|-1|-1|false|false|VARBINARY",
      "MEDIUMBLOB|MEDIUMBLOB|-1|-1|false|false|VARBINARY",
      "LONGBLOB|LONGBLOB|-1|-1|false|false|VARBINARY",
      "DATE|DATE|-1|-1|false|false|DATE",
      "TIME|TIME|-1|-1|false|false|TIME",
      "TIME(3)|TIME|3|-1|false|false|TIME",
      "DATETIME|DATETIME|-1|-1|false|false|TIMESTAMP",
      "DATETIME(6)|DATETIME|6|-1|false|false|TIMESTAMP",
      "TIMESTAMP|TIMESTAMP|-1|-1|false|false|TIMESTAMP",
      "TIMESTAMP(6)|TIMESTAMP|6|-1|false|false|TIMESTAMP",
      "YEAR|YEAR|-1|-1|false|false|SMALLINT",
      "BIT(8)|BIT|8|-1|false|false|VARBINARY",
      "JSON|JSON|-1|-1|false|false|VARCHAR",
  })
  void types(String text, String name, int precision, int scale, boolean unsigned,
      boolean zerofill, SqlTypeName calcite) {
    final SqlMySqlDataType t = type(text);
    assertEquals(name, t.getTypeName());
    assertEquals(precision, t.getPrecision());
    assertEquals(scale, t.getScale());
    assertEquals(unsigned, t.isUnsigned());
    assertEquals(zerofill, t.isZerofill());
    assertEquals(calcite, t.toSqlTypeName());
  }

  @Test void fsp() {
    assertEquals(6, type("DATETIME(6)").getFsp());
    assertEquals(-1, type("DECIMAL(6)").getFsp());
  }

  @Test void charsetAndCollation() {
    SqlMySqlDataType t = type("VARCHAR(40) CHARACTER SET latin1 COLLATE latin1_bin");
    assertEquals("latin1", t.getCharset());
    assertEquals("latin1_bin", t.getCollation());
    t = type("TEXT CHARSET utf8mb4");
    assertEquals("utf8mb4", t.getCharset());
    // COLLATE as a column option after other options
    t = column("c VARCHAR(10) NOT NULL COLLATE utf8mb4_bin").getType();
    assertEquals("utf8mb4_bin", t.getCollation());
  }

  @Test void enumAndSet() {
    SqlMySqlDataType t = type("ENUM('a','b','it''s')");
    assertEquals("ENUM", t.getTypeName());
    assertEquals(List.of("a", "b", "it's"), t.getValues());
    t = type("SET('x', \"y\")");
    assertEquals("SET", t.getTypeName());
    assertEquals(List.of("x", "y"), t.getValues());
  }

  @Test void columnOptionsInAnyOrder() {
    SqlMySqlColumn c = column("id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY"
        + " COMMENT 'the id'");
    assertTrue(c.isAutoIncrement());
    assertTrue(c.isPrimaryKey());
    assertEquals("the id", c.getComment());
    assertFalse(c.isEffectivelyNullable());

    c = column("k INT COMMENT 'x' DEFAULT 5 NULL UNIQUE KEY");
    assertEquals(Boolean.TRUE, c.getNullable());
    assertTrue(c.isUniqueKey());
    assertEquals(5, ((SqlLiteral) c.getDefaultValue()).intValue(true));

    c = column("k INT KEY");
    assertTrue(c.isPrimaryKey());
    c = column("k INT UNIQUE");
    assertTrue(c.isUniqueKey());
    c = column("n INT");
    assertNull(c.getNullable());
    assertTrue(c.isEffectivelyNullable());
  }

  @Test void defaults() {
    assertEquals(SqlKind.LITERAL, column("c INT DEFAULT NULL").getDefaultValue().getKind());
    assertEquals(-1, ((SqlLiteral) column("c INT DEFAULT -1").getDefaultValue()).intValue(true));
    assertEquals("CURRENT_TIMESTAMP",
        ((SqlIdentifier) column("c TIMESTAMP DEFAULT CURRENT_TIMESTAMP").getDefaultValue())
            .getSimple());
    final SqlMySqlColumn c = column("c DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
        + " ON UPDATE CURRENT_TIMESTAMP(6)");
    assertEquals("CURRENT_TIMESTAMP",
        ((SqlBasicCall) c.getDefaultValue()).getOperator().getName());
    assertEquals("CURRENT_TIMESTAMP", ((SqlBasicCall) c.getOnUpdate()).getOperator().getName());
    // a parenthesised default is an expression default, even around a literal
    assertEquals(SqlKind.TIMES, ((SqlDefaultExpression) column("c DOUBLE DEFAULT (RAND() * 10)")
        .getDefaultValue()).getExpression().getKind());
    assertEquals(SqlKind.LITERAL, ((SqlDefaultExpression) column("c TEXT DEFAULT ('x')")
        .getDefaultValue()).getExpression().getKind());
    assertEquals(SqlKind.LITERAL, column("c BIT(1) DEFAULT b'0'").getDefaultValue().getKind());
    assertEquals(SqlKind.LITERAL, column("c BOOL DEFAULT TRUE").getDefaultValue().getKind());
    assertEquals("x", ((SqlLiteral) column("c CHAR(1) DEFAULT \"x\"").getDefaultValue())
        .getValueAs(String.class));
  }

  @Test void generatedCheckReferences() {
    SqlMySqlColumn c = column("total INT GENERATED ALWAYS AS (a + b) STORED");
    assertEquals(SqlKind.PLUS, c.getGeneratedExpression().getKind());
    assertTrue(c.isStored());
    c = column("half INT AS (total / 2) VIRTUAL NOT NULL");
    assertFalse(c.isStored());
    assertEquals(Boolean.FALSE, c.getNullable());
    c = column("score INT CHECK (score > 0) NOT NULL");
    assertEquals(SqlKind.GREATER_THAN, c.getCheck().getExpression().getKind());
    assertEquals(Boolean.FALSE, c.getNullable());
    c = column("score INT CONSTRAINT pos CHECK (score > 0) NOT ENFORCED");
    assertEquals("pos", c.getCheck().getName().getSimple());
    assertFalse(c.getCheck().isEnforced());
    c = column("parent INT REFERENCES p(id) ON DELETE CASCADE");
    assertEquals("p", c.getReferences().getReferencedTable().getSimple());
    assertEquals(SqlMySqlForeignKey.Action.CASCADE, c.getReferences().getOnDelete());
  }

  @Test void tableElements() {
    final SqlCreateMySqlTable t = parse("CREATE TABLE t5 (id INT NOT NULL, a INT,"
        + " b VARCHAR(100), PRIMARY KEY (id), UNIQUE KEY uk_a (a), KEY idx_b (b(10) DESC, a ASC),"
        + " INDEX (a), UNIQUE INDEX (b), CONSTRAINT fk1 FOREIGN KEY (a) REFERENCES t4 (id)"
        + " ON DELETE CASCADE ON UPDATE SET NULL, FOREIGN KEY fk_i (b) REFERENCES t4 (email)"
        + " ON DELETE NO ACTION ON UPDATE RESTRICT, CONSTRAINT chk CHECK (a > 0),"
        + " CHECK (b <> ''), FULLTEXT KEY ft (b), KEY k_using USING BTREE (a),"
        + " KEY k2 (a) USING HASH COMMENT 'c', CONSTRAINT pk2 UNIQUE (a, b),"
        + " FOREIGN KEY (b) REFERENCES t4 (email) ON UPDATE SET DEFAULT)",
        SqlCreateMySqlTable.class);
    assertEquals(3, t.getColumns().size());
    assertEquals(9, t.getIndexes().size());
    assertEquals(3, t.getForeignKeys().size());
    assertEquals(2, t.getChecks().size());

    final SqlMySqlIndex idxB = t.getIndexes().get(2);
    assertEquals(SqlMySqlIndex.Kind.INDEX, idxB.getIndexKind());
    assertEquals("idx_b", idxB.getName().getSimple());
    assertEquals(10, idxB.getParts().get(0).getPrefixLength());
    assertEquals(Boolean.TRUE, idxB.getParts().get(0).getDescending());
    assertEquals(Boolean.FALSE, idxB.getParts().get(1).getDescending());
    assertNull(t.getIndexes().get(3).getName());
    assertEquals(SqlMySqlIndex.Kind.UNIQUE, t.getIndexes().get(4).getIndexKind());
    assertEquals(SqlMySqlIndex.Kind.FULLTEXT, t.getIndexes().get(5).getIndexKind());
    assertEquals("BTREE", t.getIndexes().get(6).getUsing());
    assertEquals("HASH", t.getIndexes().get(7).getUsing());
    assertEquals("c", t.getIndexes().get(7).getComment());
    assertEquals("pk2", t.getIndexes().get(8).getConstraintName().getSimple());

    final SqlMySqlForeignKey fk1 = t.getForeignKeys().get(0);
    assertEquals("fk1", fk1.getConstraintName().getSimple());
    assertEquals("a", ((SqlIdentifier) fk1.getColumns().get(0)).getSimple());
    assertEquals("t4", fk1.getReferencedTable().getSimple());
    assertEquals(SqlMySqlForeignKey.Action.CASCADE, fk1.getOnDelete());
    assertEquals(SqlMySqlForeignKey.Action.SET_NULL, fk1.getOnUpdate());
    final SqlMySqlForeignKey fk2 = t.getForeignKeys().get(1);
    assertEquals("fk_i", fk2.getIndexName().getSimple());
    assertEquals(SqlMySqlForeignKey.Action.NO_ACTION, fk2.getOnDelete());
    assertEquals(SqlMySqlForeignKey.Action.RESTRICT, fk2.getOnUpdate());
    assertEquals(SqlMySqlForeignKey.Action.SET_DEFAULT, t.getForeignKeys().get(2).getOnUpdate());
    assertEquals("chk", t.getChecks().get(0).getName().getSimple());
    assertNull(t.getChecks().get(1).getName());
  }

  @Test void functionalKeyPart() {
    final SqlCreateMySqlTable t = parse("CREATE TABLE t (a INT, b INT, KEY k ((a + b)))",
        SqlCreateMySqlTable.class);
    assertEquals(SqlKind.PLUS, t.getIndexes().get(0).getParts().get(0).getExpression().getKind());
    roundTrip("CREATE TABLE t (a INT, b INT, KEY k ((a + b)))");
  }

  @Test void tableOptions() {
    SqlCreateMySqlTable t = parse("CREATE TABLE t (id INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
        + " COLLATE=utf8mb4_0900_ai_ci", SqlCreateMySqlTable.class);
    assertEquals("InnoDB", t.getTableOption("ENGINE"));
    assertEquals("utf8mb4", t.getTableOption("CHARSET"));
    assertEquals("utf8mb4_0900_ai_ci", t.getTableOption("COLLATE"));

    t = parse("CREATE TABLE t6 (id INT) ENGINE = InnoDB, AUTO_INCREMENT = 100,"
        + " COMMENT = 'tbl comment', ROW_FORMAT = DYNAMIC, CHARACTER SET = latin1,"
        + " KEY_BLOCK_SIZE = 8", SqlCreateMySqlTable.class);
    assertEquals("100", t.getTableOption("AUTO_INCREMENT"));
    assertEquals("tbl comment", t.getTableOption("COMMENT"));
    assertEquals("DYNAMIC", t.getTableOption("ROW_FORMAT"));
    assertEquals("latin1", t.getTableOption("CHARSET"));
    assertEquals("8", t.getTableOption("KEY_BLOCK_SIZE"));

    t = parse("CREATE TABLE t (id INT) ENGINE InnoDB CHARACTER SET utf8mb4 COMMENT 'x'",
        SqlCreateMySqlTable.class);
    assertEquals("InnoDB", t.getTableOption("ENGINE"));
    assertEquals("x", t.getTableOption("COMMENT"));
    roundTrip("CREATE TABLE t (id INT) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4"
        + " COLLATE=utf8mb4_unicode_ci ROW_FORMAT=COMPACT COMMENT='c'");
  }

  @Test void mysqldumpTable() {
    final String sql = "CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT,"
        + " `name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,"
        + " `created_at` timestamp NULL DEFAULT NULL,"
        + " `flag` tinyint(1) NOT NULL DEFAULT '0', PRIMARY KEY (`id`),"
        + " KEY `idx_name` (`name`)) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4"
        + " COLLATE=utf8mb4_unicode_ci";
    final SqlCreateMySqlTable t = parse(sql, SqlCreateMySqlTable.class);
    assertEquals(4, t.getColumns().size());
    assertEquals(Boolean.TRUE, t.getColumns().get(2).getNullable());
    roundTrip(sql);
  }

  @Test void ifNotExistsTemporaryQualified() {
    final SqlCreateMySqlTable t = parse("CREATE TEMPORARY TABLE IF NOT EXISTS `mydb/feature`.t"
        + " (id INT)", SqlCreateMySqlTable.class);
    assertTrue(t.isIfNotExists());
    assertTrue(t.isTemporary());
    assertEquals(List.of("mydb/feature", "t"), t.getName().names);
    roundTrip("CREATE TEMPORARY TABLE IF NOT EXISTS `mydb/feature`.t (id INT)");
  }

  @Test void likeAndAsSelect() {
    SqlCreateMySqlTable t = parse("CREATE TABLE t2 LIKE t1", SqlCreateMySqlTable.class);
    assertEquals("t1", t.getLikeTable().getSimple());
    t = parse("CREATE TABLE t2 (LIKE t1)", SqlCreateMySqlTable.class);
    assertEquals("t1", t.getLikeTable().getSimple());
    t = parse("CREATE TABLE t2 AS SELECT * FROM t1", SqlCreateMySqlTable.class);
    assertInstanceOf(SqlSelect.class, t.getAsQuery());
    t = parse("CREATE TABLE t2 SELECT id FROM t1 WHERE id > 1", SqlCreateMySqlTable.class);
    assertInstanceOf(SqlSelect.class, t.getAsQuery());
    t = parse("CREATE TABLE t2 (extra INT) ENGINE=InnoDB AS SELECT id FROM t1",
        SqlCreateMySqlTable.class);
    assertEquals(1, t.getColumns().size());
    assertInstanceOf(SqlSelect.class, t.getAsQuery());
    roundTrip("CREATE TABLE t2 LIKE t1");
    roundTrip("CREATE TABLE t2 AS SELECT * FROM t1");
  }

  @Test void reservedLookingColumnNames() {
    final SqlCreateMySqlTable t = parse("CREATE TABLE t (`key` INT, `index` INT, date DATE,"
        + " text TEXT, comment VARCHAR(10), year YEAR, timestamp TIMESTAMP, time TIME,"
        + " user VARCHAR(10), status INT, engine INT, hash INT, value INT, data INT,"
        + " position INT, language INT, name INT, type INT, level INT, role INT)",
        SqlCreateMySqlTable.class);
    assertEquals(20, t.getColumns().size());
    assertEquals("timestamp", t.getColumns().get(6).getName().getSimple());
    assertEquals("TIMESTAMP", t.getColumns().get(6).getType().getTypeName());
  }

  @Test void serial() {
    final SqlMySqlColumn c = column("id SERIAL");
    assertTrue(c.isAutoIncrement());
    assertTrue(c.isUniqueKey());
    assertFalse(c.isEffectivelyNullable());
  }
}
