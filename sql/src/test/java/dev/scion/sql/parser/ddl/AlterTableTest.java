package dev.scion.sql.parser.ddl;

import dev.scion.sql.parser.ddl.SqlAlterTableAction.Action;
import dev.scion.sql.parser.ddl.SqlAlterTableAction.Position;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scion.sql.parser.ParserFixture.parse;
import static dev.scion.sql.parser.ParserFixture.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AlterTableTest {
  private static List<SqlAlterTableAction> actions(String sql) {
    final SqlMySqlAlterTable a = parse(sql, SqlMySqlAlterTable.class);
    roundTrip(sql);
    return a.getActions();
  }

  private static SqlAlterTableAction action(String sql) {
    final List<SqlAlterTableAction> list = actions(sql);
    assertEquals(1, list.size(), sql);
    return list.get(0);
  }

  @Test void addColumn() {
    SqlAlterTableAction a = action("ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0 AFTER b");
    assertEquals(Action.ADD_COLUMN, a.getAction());
    assertEquals("c", a.getColumn().getName().getSimple());
    assertEquals(Position.AFTER, a.getPosition());
    assertEquals("b", a.getAfterColumn().getSimple());
    a = action("ALTER TABLE t ADD c2 VARCHAR(10) FIRST");
    assertEquals(Action.ADD_COLUMN, a.getAction());
    assertEquals(Position.FIRST, a.getPosition());
    final List<SqlAlterTableAction> two = actions("ALTER TABLE t ADD COLUMN (x INT, y INT)");
    assertEquals(2, two.size());
    assertEquals("y", two.get(1).getColumn().getName().getSimple());
  }

  @Test void dropModifyChangeRename() {
    final List<SqlAlterTableAction> list = actions("ALTER TABLE t DROP COLUMN c3, DROP c4,"
        + " MODIFY COLUMN c5 BIGINT NOT NULL, MODIFY c6 INT AFTER c5, CHANGE COLUMN o1 n1 INT,"
        + " CHANGE o2 n2 TEXT FIRST, RENAME COLUMN a TO b, RENAME TO t2");
    assertEquals(8, list.size());
    assertEquals(Action.DROP_COLUMN, list.get(0).getAction());
    assertEquals("c3", list.get(0).getName().getSimple());
    assertEquals(Action.DROP_COLUMN, list.get(1).getAction());
    assertEquals(Action.MODIFY_COLUMN, list.get(2).getAction());
    assertEquals("BIGINT", list.get(2).getColumn().getType().getTypeName());
    assertEquals(Position.AFTER, list.get(3).getPosition());
    assertEquals(Action.CHANGE_COLUMN, list.get(4).getAction());
    assertEquals("o1", list.get(4).getName().getSimple());
    assertEquals("n1", list.get(4).getColumn().getName().getSimple());
    assertEquals(Position.FIRST, list.get(5).getPosition());
    assertEquals(Action.RENAME_COLUMN, list.get(6).getAction());
    assertEquals("b", list.get(6).getNewName().getSimple());
    assertEquals(Action.RENAME_TABLE, list.get(7).getAction());
    assertEquals("t2", list.get(7).getNewName().getSimple());
    assertEquals(Action.RENAME_TABLE, action("ALTER TABLE t RENAME AS t3").getAction());
    assertEquals(Action.RENAME_TABLE, action("ALTER TABLE t RENAME t4").getAction());
    assertEquals(Action.RENAME_INDEX, action("ALTER TABLE t RENAME INDEX a TO b").getAction());
  }

  @Test void indexesAndKeys() {
    final List<SqlAlterTableAction> list = actions("ALTER TABLE t ADD UNIQUE INDEX uk (a, b),"
        + " ADD INDEX idx (c), ADD KEY k (d), ADD PRIMARY KEY (id), DROP PRIMARY KEY,"
        + " DROP INDEX idx, DROP KEY k, ADD FULLTEXT INDEX ft (e)");
    assertEquals(Action.ADD_INDEX, list.get(0).getAction());
    assertEquals(SqlMySqlIndex.Kind.UNIQUE, list.get(0).getIndex().getIndexKind());
    assertEquals("uk", list.get(0).getIndex().getName().getSimple());
    assertEquals(SqlMySqlIndex.Kind.INDEX, list.get(1).getIndex().getIndexKind());
    assertEquals(SqlMySqlIndex.Kind.INDEX, list.get(2).getIndex().getIndexKind());
    assertEquals(SqlMySqlIndex.Kind.PRIMARY, list.get(3).getIndex().getIndexKind());
    assertEquals(Action.DROP_PRIMARY_KEY, list.get(4).getAction());
    assertEquals(Action.DROP_INDEX, list.get(5).getAction());
    assertEquals("idx", list.get(5).getName().getSimple());
    assertEquals(Action.DROP_INDEX, list.get(6).getAction());
    assertEquals(SqlMySqlIndex.Kind.FULLTEXT, list.get(7).getIndex().getIndexKind());
  }

  @Test void foreignKeysAndChecks() {
    final List<SqlAlterTableAction> list = actions("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY"
        + " (a) REFERENCES p (id) ON DELETE CASCADE, DROP FOREIGN KEY fk2,"
        + " ADD FOREIGN KEY (b) REFERENCES p (id), ADD CONSTRAINT chk CHECK (a > 0),"
        + " DROP CHECK chk2, ADD CHECK (b < 5), DROP CONSTRAINT c3");
    assertEquals(Action.ADD_FOREIGN_KEY, list.get(0).getAction());
    assertEquals("fk", list.get(0).getForeignKey().getConstraintName().getSimple());
    assertEquals(SqlMySqlForeignKey.Action.CASCADE, list.get(0).getForeignKey().getOnDelete());
    assertEquals(Action.DROP_FOREIGN_KEY, list.get(1).getAction());
    assertEquals("fk2", list.get(1).getName().getSimple());
    assertEquals(Action.ADD_FOREIGN_KEY, list.get(2).getAction());
    assertEquals(Action.ADD_CHECK, list.get(3).getAction());
    assertEquals("chk", list.get(3).getCheck().getName().getSimple());
    assertEquals(Action.DROP_CHECK, list.get(4).getAction());
    assertEquals(Action.ADD_CHECK, list.get(5).getAction());
    assertEquals(Action.DROP_CONSTRAINT, list.get(6).getAction());
  }

  @Test void columnDefaults() {
    final List<SqlAlterTableAction> list = actions("ALTER TABLE t ALTER COLUMN a SET DEFAULT 5,"
        + " ALTER b DROP DEFAULT, ALTER c SET DEFAULT 'x'");
    assertEquals(Action.SET_DEFAULT, list.get(0).getAction());
    assertEquals(5, ((SqlLiteral) list.get(0).getValue()).intValue(true));
    assertEquals(Action.DROP_DEFAULT, list.get(1).getAction());
    assertEquals("b", list.get(1).getName().getSimple());
    assertEquals(Action.SET_DEFAULT, list.get(2).getAction());
  }

  @Test void tableOptionsAndMisc() {
    SqlMySqlAlterTable a = parse("ALTER TABLE t ENGINE=InnoDB, AUTO_INCREMENT = 10",
        SqlMySqlAlterTable.class);
    assertEquals(0, a.getActions().size());
    assertEquals("InnoDB", a.getTableOption("ENGINE"));
    assertEquals("10", a.getTableOption("AUTO_INCREMENT"));
    roundTrip("ALTER TABLE t ENGINE=InnoDB, AUTO_INCREMENT = 10");
    a = parse("ALTER TABLE t ADD INDEX i (a), ALGORITHM=INPLACE, LOCK=NONE",
        SqlMySqlAlterTable.class);
    assertEquals(1, a.getActions().size());
    assertEquals("INPLACE", a.getTableOption("ALGORITHM"));
    assertEquals("NONE", a.getTableOption("LOCK"));
    assertEquals(Action.DISABLE_KEYS, action("ALTER TABLE t DISABLE KEYS").getAction());
    assertEquals(Action.ENABLE_KEYS, action("ALTER TABLE t ENABLE KEYS").getAction());
    final SqlAlterTableAction conv =
        action("ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    assertEquals(Action.CONVERT_CHARSET, conv.getAction());
    assertEquals("utf8mb4", conv.getCharset());
    assertEquals("utf8mb4_bin", conv.getCollation());
    assertEquals(SqlKind.ALTER_TABLE, a.getKind());
    assertEquals("t", parse("ALTER TABLE `mydb/x`.t ADD c INT", SqlMySqlAlterTable.class)
        .getName().names.get(1));
  }
}
